import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { EventStore } from '@herbie/core'
import { numberedEvent as numbered } from '@herbie/testkit'
import { Chunk, Effect, Stream } from 'effect'
import { describe, expect, it, onTestFinished } from 'vitest'
import { postgresEventStore } from '../src/index.js'
import { execute, freshDatabase, server } from './support.js'

const fixture = fileURLToPath(new URL('fixtures/writer.mjs', import.meta.url))

/** A writer process, connected and waiting: `go()` starts it, `done` gives its inserted count. */
const writer = (url: string, events: string, start: number, size: number) => {
  const child = spawn(process.execPath, [fixture, events, String(start), String(size)], {
    env: { ...process.env, HERBIE_STORE_URL: url },
    stdio: ['pipe', 'pipe', 'pipe'],
    timeout: 25_000,
  })
  let out = ''
  let errors = ''
  let onReady = () => {}
  const ready = new Promise<void>((resolve) => {
    onReady = resolve
  })
  child.stdout.on('data', (data: Buffer) => {
    out += data.toString()
    if (out.includes('ready\n')) onReady()
  })
  child.stderr.on('data', (data: Buffer) => {
    errors += data.toString()
  })
  const done = new Promise<number>((resolve, reject) => {
    child.on('error', reject)
    child.on('exit', (code) => {
      const inserted = /inserted (\d+)/.exec(out)?.[1]
      if (code === 0 && inserted !== undefined) resolve(Number(inserted))
      else reject(new Error(`writer ${start} exited with ${code}: ${errors}`))
    })
  })
  done.catch(() => onReady())
  return { ready, go: () => child.stdin.end('go\n'), done }
}

describe.skipIf(server === null)('two writers at once', () => {
  it('ingest overlapping batches of the same 20,000 events: each stored once, counted once', {
    timeout: 30_000,
  }, async () => {
    const url = await freshDatabase(server?.url ?? '')
    // Create the schema first, so the writers race on the events and not on the migration.
    await Effect.runPromise(Effect.provide(Effect.void, postgresEventStore(url)))
    const history = Array.from({ length: 20_000 }, (_, n) => numbered(n))
    const dir = mkdtempSync(join(tmpdir(), 'herbie-pg-writers-'))
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
    const events = join(dir, 'events.ndjson')
    writeFileSync(events, history.map((event) => `${JSON.stringify(event)}\n`).join(''))
    const one = writer(url, events, 0, 1_000)
    const two = writer(url, events, 10_500, 1_500)
    await Promise.all([one.ready, two.ready])
    one.go()
    two.go()
    const inserted = await Promise.all([one.done, two.done])
    const stored = await Effect.runPromise(
      Effect.provide(
        Effect.flatMap(EventStore, (store) => Stream.runCollect(store.read())).pipe(
          Effect.map(Chunk.toArray),
        ),
        postgresEventStore(url),
      ),
    )
    expect({
      sum: inserted[0] + inserted[1],
      bothWrote: inserted.every((count) => count > 0),
      stored: stored.length,
    }).toEqual({ sum: 20_000, bothWrote: true, stored: 20_000 })
    expect(stored).toEqual(history)
    await execute(server?.url ?? '', `DROP DATABASE ${new URL(url).pathname.slice(1)}`)
  })
})
