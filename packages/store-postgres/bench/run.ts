/**
 * Measures the PostgreSQL store against the embedded one on the same 100,000 simulated events
 * (the embedded store's bench input): ingest, then an idempotent re-ingest, 5,000 events an
 * upsert. PostgreSQL runs on loopback as a throwaway cluster with its default (durable) settings.
 *
 *   pnpm --filter @herbie/store-postgres bench            (EVENTS=100000 by default)
 */

import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { EventStore, isStageEvent, type StageEventEncoded, type StoreError } from '@herbie/core'
import { layerEmbeddedStore } from '@herbie/store'
import { Effect, type Layer } from 'effect'
import { ensureEvents } from '../../store/bench/generate.js'
import { postgresEventStore } from '../src/index.js'
import { postgresBin, startServer } from '../test/server.js'

const BATCH = 5_000

const loadEvents = async (count: number): Promise<StageEventEncoded[]> => {
  const { path } = await ensureEvents(join(import.meta.dirname, '../../../bench-out/store'), 1)
  const events = readFileSync(path, 'utf8')
    .split('\n')
    .slice(0, count)
    .map((line): unknown => JSON.parse(line))
    .filter(isStageEvent)
  if (events.length !== count) throw new Error(`the bench input has ${events.length} events, not ${count}`)
  return events
}

/** Seconds of an ingest and of the same ingest again, with what each inserted. */
const measure = (layer: Layer.Layer<EventStore, StoreError>, events: ReadonlyArray<StageEventEncoded>) =>
  Effect.runPromise(
    Effect.provide(
      Effect.gen(function* () {
        const store = yield* EventStore
        const ingest = Effect.gen(function* () {
          const start = performance.now()
          let inserted = 0
          for (let offset = 0; offset < events.length; offset += BATCH) {
            inserted += (yield* store.upsert(events.slice(offset, offset + BATCH))).inserted
          }
          return { seconds: (performance.now() - start) / 1000, inserted }
        })
        return { first: yield* ingest, again: yield* ingest }
      }),
      layer,
    ),
  )

const main = async () => {
  const count = Number(process.env.EVENTS ?? '100000')
  const bin = postgresBin()
  if (bin === undefined) throw new Error("PostgreSQL is not installed: install Debian's postgresql package")
  const events = await loadEvents(count)
  const { server, stop } = await startServer(bin)
  const dir = mkdtempSync(join(tmpdir(), 'herbie-store-bench-'))
  try {
    const rows = {
      postgres: await measure(postgresEventStore(server.url), events),
      embedded: await measure(layerEmbeddedStore(join(dir, 'events.sqlite')), events),
    }
    for (const [engine, { first, again }] of Object.entries(rows)) {
      if (first.inserted !== count || again.inserted !== 0)
        throw new Error(`${engine}: inserted ${first.inserted} then ${again.inserted}`)
    }
    console.log(`${count} events, ${BATCH} an upsert\n\n| store | ingest | re-ingest |\n| --- | --- | --- |`)
    for (const [engine, { first, again }] of Object.entries(rows)) {
      console.log(
        `| ${engine} | ${first.seconds.toFixed(2)} s (${(first.seconds / rows.embedded.first.seconds).toFixed(2)}x) | ${again.seconds.toFixed(2)} s (${(again.seconds / rows.embedded.again.seconds).toFixed(2)}x) |`,
      )
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
    stop()
  }
}

await main()
