import { EventStore } from '@herbie/core'
import { numberedEvent as numbered } from '@herbie/testkit'
import { Chunk, Effect, Exit, Stream } from 'effect'
import { describe, expect, it } from 'vitest'
import { POSTGRES_SCHEMA_VERSION, postgresEventStore } from '../src/index.js'
import { MIGRATIONS } from '../src/internal/schema.js'
import { execute, freshDatabase, server } from './support.js'

const open = <A>(url: string, program: Effect.Effect<A, unknown, EventStore>) =>
  Effect.runPromiseExit(Effect.provide(program, postgresEventStore(url)))

describe.skipIf(server === null)('schema versions', () => {
  it('migrates a database of the previous version, keeping its events', async () => {
    const url = await freshDatabase(server?.url ?? '')
    const event = numbered(1)
    await execute(
      url,
      MIGRATIONS[0]?.sql ?? '',
      'CREATE TABLE herbie_schema (version INTEGER NOT NULL)',
      'INSERT INTO herbie_schema (version) VALUES (1)',
      `INSERT INTO herbie_events VALUES ('${event.id}', '${event.itemId}', 'review', 'github', ${Date.parse(event.at)}, '${JSON.stringify(event)}')`,
    )
    const exit = await open(
      url,
      Effect.gen(function* () {
        const store = yield* EventStore
        return {
          version: yield* store.schemaVersion,
          events: Chunk.toArray(yield* Stream.runCollect(store.read({ item: event.itemId }))),
        }
      }),
    )
    expect(exit).toEqual(Exit.succeed({ version: 2, events: [event] }))
    expect(POSTGRES_SCHEMA_VERSION).toBe(2)
  })

  it('refuses a database of a newer version, naming both versions', async () => {
    const url = await freshDatabase(server?.url ?? '')
    await execute(
      url,
      'CREATE TABLE herbie_schema (version INTEGER NOT NULL)',
      'INSERT INTO herbie_schema (version) VALUES (3)',
    )
    const exit = await open(url, Effect.void)
    const location = url.replace(server?.password ?? '', '***')
    expect(Exit.isFailure(exit) && String(exit.cause)).toContain(
      `StoreError: event store ${location}: migrate failed: schema version 3 is newer than this Herbie knows (2): upgrade Herbie to open it`,
    )
  })

  it('creates the schema once when several processes open a new database at once', async () => {
    const url = await freshDatabase(server?.url ?? '')
    const versions = await Promise.all(
      [1, 2, 3, 4].map(() =>
        open(
          url,
          Effect.flatMap(EventStore, (store) => store.schemaVersion),
        ),
      ),
    )
    expect(versions).toEqual([2, 2, 2, 2].map(Exit.succeed))
  })
})
