/**
 * Measures the candidate engines of the embedded event store on the same simulated events:
 * ingest, an idempotent re-ingest, a one-week window, the full analysis read from the store,
 * install size and cold start. Local files only; every step is bounded by the input size.
 *
 *   pnpm --filter @herbie/store bench            (CHUNKS=8 for ~1M events; default 2, ~250k)
 *
 * An engine whose package is not installed is skipped; `docs/decisions/0005-embedded-store.md`
 * says how to add the others back to re-run the comparison.
 */

import { execFileSync, spawnSync } from 'node:child_process'
import { createReadStream, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { analyzeNdjson } from '@herbie/core'
import { Effect } from 'effect'
import type { Candidate, Engine, Row } from './engines/Engine.js'
import { ensureEvents } from './generate.js'

const BATCH = 5_000
const WEEK = { from: Date.parse('2025-06-02T00:00:00Z'), to: Date.parse('2025-06-09T00:00:00Z') }

/** The engines whose packages are installed, with the module and export each lives in. */
const ENGINES = [
  ['./engines/duckdb.ts', 'duckdb'],
  ['./engines/pglite.ts', 'pglite'],
  ['./engines/sqlite.ts', 'sqliteWasm'],
] as const

const candidates = async (): Promise<Array<{ candidate: Candidate; file: string; name: string }>> => {
  const found: Array<{ candidate: Candidate; file: string; name: string }> = []
  for (const [file, name] of ENGINES) {
    try {
      const module = (await import(file)) as Record<string, Candidate>
      const candidate = module[name]
      if (candidate !== undefined) found.push({ candidate, file: join(import.meta.dirname, file), name })
    } catch (error) {
      console.log(`skipped ${file}: ${(error as Error).message.split('\n')[0]}`)
    }
  }
  return found
}

const seconds = async <A>(run: () => Promise<A>): Promise<{ value: A; seconds: number }> => {
  const start = performance.now()
  const value = await run()
  return { value, seconds: (performance.now() - start) / 1000 }
}

const ingest = async (engine: Engine, path: string): Promise<number> => {
  let inserted = 0
  let batch: Row[] = []
  for await (const line of createInterface({
    input: createReadStream(path),
    crlfDelay: Number.POSITIVE_INFINITY,
  })) {
    const event = JSON.parse(line) as {
      id: string
      itemId: string
      stage: string
      source: string
      at: string
    }
    batch.push({
      id: event.id,
      itemId: event.itemId,
      stage: event.stage,
      source: event.source,
      at: Date.parse(event.at),
      json: line,
    })
    if (batch.length === BATCH) {
      inserted += await engine.upsert(batch)
      batch = []
    }
  }
  if (batch.length > 0) inserted += await engine.upsert(batch)
  return inserted
}

async function* lines(engine: Engine, from: number, to: number): AsyncGenerator<string> {
  for await (const json of engine.scan(from, to)) yield `${json}\n`
}

const countLines = async (source: AsyncIterable<string>): Promise<number> => {
  let n = 0
  for await (const _ of source) n++
  return n
}

/** The installed copies of a package in the workspace's pnpm store folder. */
const packageDirs = (name: string): string[] => {
  const root = join(import.meta.dirname, '../../../node_modules/.pnpm')
  const prefix = `${name.replace('/', '+')}@`
  return readdirSync(root)
    .filter((entry) => entry.startsWith(prefix))
    .map((entry) => join(root, entry))
}

const installMiB = (packages: ReadonlyArray<string>): number =>
  packages
    .flatMap(packageDirs)
    .reduce(
      (sum, dir) =>
        sum + Number(execFileSync('du', ['-sk', dir], { encoding: 'utf8' }).split('\t')[0]) / 1024,
      0,
    )

const diskMiB = (dir: string): number =>
  Number(execFileSync('du', ['-sk', dir], { encoding: 'utf8' }).split('\t')[0]) / 1024

/** A fresh Node process that imports the engine, opens the store and counts its events. */
const coldStart = (file: string, name: string, dir: string): number => {
  const script = `const t=performance.now();const m=await import(${JSON.stringify(file)});const e=await m.${name}.open(${JSON.stringify(dir)});await e.count();await e.close();console.log((performance.now()-t)/1000)`
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    encoding: 'utf8',
    timeout: 120_000,
  })
  return Number(result.stdout.trim().split('\n').at(-1))
}

const main = async () => {
  const chunks = Number(process.env.CHUNKS ?? '2')
  const { path, events } = await ensureEvents(join(import.meta.dirname, '../../../bench-out/store'), chunks)
  console.log(`${events} events in ${path}`)
  const fromFile = await seconds(() =>
    Effect.runPromise(analyzeNdjson(createReadStream(path, { encoding: 'utf8' }))),
  )
  console.log(`analyze from the NDJSON file: ${fromFile.seconds.toFixed(2)} s`)
  const results: Record<string, number | string>[] = []
  for (const { candidate, file, name } of await candidates()) {
    const dir = mkdtempSync(join(tmpdir(), 'herbie-store-bench-'))
    try {
      const engine = await candidate.open(dir)
      const first = await seconds(() => ingest(engine, path))
      const again = await seconds(() => ingest(engine, path))
      const week = await seconds(() => countLines(lines(engine, WEEK.from, WEEK.to)))
      const report = await seconds(() =>
        Effect.runPromise(analyzeNdjson(lines(engine, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER))),
      )
      await engine.close()
      if (first.value !== events || again.value !== 0)
        throw new Error(`${candidate.name}: inserted ${first.value} then ${again.value}`)
      if (JSON.stringify(report.value) !== JSON.stringify(fromFile.value))
        throw new Error(`${candidate.name}: a different report`)
      const cold = coldStart(file, name, dir)
      const row = {
        engine: candidate.name,
        ingest: first.seconds,
        reingest: again.seconds,
        week: week.seconds,
        weekEvents: week.value,
        analyze: report.seconds,
        install: installMiB(candidate.packages),
        disk: diskMiB(dir),
        cold,
      }
      console.log(JSON.stringify(row))
      results.push(row)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
  const columns = ['ingest', 'reingest', 'week', 'analyze', 'install', 'disk', 'cold'] as const
  const best = Object.fromEntries(columns.map((c) => [c, Math.min(...results.map((r) => Number(r[c])))]))
  console.log(`\n| engine | ${columns.join(' | ')} |\n| --- |${columns.map(() => ' --- |').join('')}`)
  for (const r of results) {
    console.log(
      `| ${r.engine} | ${columns.map((c) => `${Number(r[c]).toFixed(2)} (${(Number(r[c]) / (best[c] ?? 1)).toFixed(1)}x)`).join(' | ')} |`,
    )
  }
  writeFileSync(
    join(import.meta.dirname, '../../../bench-out/store/results.json'),
    JSON.stringify({ events, analyzeFromFile: fromFile.seconds, results }, null, 2),
  )
}

await main()
