import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { analyzeTeam } from '../src/constraintOf.js'

describe('example: analyse from code', () => {
  it('names review as the constraint of the simulated team', async () => {
    const report = await analyzeTeam()
    expect(report.constraint.stage).toBe('review')
    expect(report.items.completed).toBeGreaterThan(500)
  })

  it('runs as a script', () => {
    const main = fileURLToPath(new URL('../src/main.ts', import.meta.url))
    const out = execFileSync(process.execPath, ['--import', 'tsx', main], { encoding: 'utf8' })
    expect(out).toMatch(/^constraint: review \(confidence 0\.\d\d\)$/m)
  })
})
