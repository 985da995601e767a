/**
 * `pnpm bench`: on the same ~1,000,000-event file, in the same run, times `herbie analyze --json`,
 * a bare stream-and-JSON.parse of every line, and DuckDB (read_ndjson + quantile_cont). Prints the
 * medians, the ratios to the bare parse and the peak memory, and writes bench-out/results.json.
 * The bar: analyze at most 3x the bare parse, under 1 GiB.
 */
import { statSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { ensureEvents } from './generate.js'
import { median, type Run } from './measure.js'

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))
const out = here('../bench-out')
const preload = here('./maxrss.cjs')

const { path, events } = await ensureEvents(out)
const megabytes = statSync(path).size / 1024 / 1024
console.log(`input: ${events} events, ${megabytes.toFixed(0)} MiB (${path})`)

const cases: Array<[string, string[]]> = [
  ['bare JSON.parse', [here('./bare-parse.mjs'), path]],
  ['herbie analyze --json', [here('../dist/bin.js'), 'analyze', '--events', path, '--json']],
  ['duckdb', [here('./duckdb-query.mjs'), path]],
]
const results: Record<string, Run> = {}
for (const [name, args] of cases) {
  results[name] = await median(preload, args)
  console.log(`measured ${name}`)
}
const bare = results['bare JSON.parse']!
console.log('\ncase                     seconds  x bare  peak MiB')
for (const [name, run] of Object.entries(results)) {
  console.log(
    `${name.padEnd(24)} ${run.seconds.toFixed(2).padStart(7)}  ${(run.seconds / bare.seconds).toFixed(2).padStart(6)}  ${run.maxRssMiB.toFixed(0).padStart(8)}`,
  )
}
const analyze = results['herbie analyze --json']!
const pass = analyze.seconds <= 3 * bare.seconds && analyze.maxRssMiB < 1024
console.log(`\nbar (analyze ≤ 3x bare parse, < 1 GiB): ${pass ? 'PASS' : 'FAIL'}`)
writeFileSync(`${out}/results.json`, `${JSON.stringify({ events, megabytes, results, pass }, null, 2)}\n`)
