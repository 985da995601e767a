// Sums the vitest JSON reports of every workspace package that has tests and prints the closing
// line "N passed, N failed". A package whose report is missing (its run crashed) counts as failed.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

let passed = 0
let failed = 0
for (const group of ['packages', 'examples']) {
  if (!existsSync(group)) continue
  for (const name of readdirSync(group)) {
    const dir = join(group, name)
    const manifest = join(dir, 'package.json')
    if (!existsSync(manifest) || !JSON.parse(readFileSync(manifest, 'utf8')).scripts?.test) continue
    const report = join(dir, 'test-report.json')
    if (!existsSync(report)) {
      console.log(`${dir}: no test report (the test run did not finish)`)
      failed++
      continue
    }
    const { numPassedTests, numFailedTests, numTotalTests } = JSON.parse(readFileSync(report, 'utf8'))
    const other = numTotalTests - numPassedTests - numFailedTests
    console.log(
      `${dir}: ${numPassedTests} passed, ${numFailedTests} failed${other > 0 ? `, ${other} skipped` : ''}`,
    )
    passed += numPassedTests
    failed += numFailedTests
  }
}
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed > 0 || passed === 0 ? 1 : 0)
