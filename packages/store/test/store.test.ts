import { existsSync, mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { EventStore } from '@herbie/core'
import { numberedEvent as numbered } from '@herbie/testkit'
import { Chunk, Effect, Either, Option, Stream } from 'effect'
import sqlite from 'node-sqlite3-wasm'
import { describe, expect, it } from 'vitest'
import { layerEmbeddedStore, makeEmbeddedStore, STORE_SCHEMA_VERSION } from '../src/index.js'
import { tempStore } from './support.js'

const withStore = <A, E>(path: string, program: Effect.Effect<A, E, EventStore>) =>
  Effect.runPromise(Effect.provide(program, layerEmbeddedStore(path)))

/** The schema of version 1 as it shipped, written without the store's code. */
const writeVersionOne = (path: string) => {
  mkdirSync(dirname(path), { recursive: true })
  const db = new sqlite.Database(path)
  db.exec(`CREATE TABLE events (id TEXT PRIMARY KEY, item_id TEXT NOT NULL, stage TEXT NOT NULL,
      source TEXT NOT NULL, at_ms INTEGER NOT NULL, json TEXT NOT NULL) WITHOUT ROWID;
    CREATE INDEX events_by_time ON events (at_ms, id);
    CREATE TABLE checkpoints (source TEXT PRIMARY KEY, json TEXT NOT NULL) WITHOUT ROWID;
    PRAGMA user_version = 1;`)
  const event = numbered(3)
  db.run('INSERT INTO events VALUES (?, ?, ?, ?, ?, ?)', [
    event.id,
    event.itemId,
    event.stage,
    event.source,
    Date.parse(event.at),
    JSON.stringify(event),
  ])
  db.run('INSERT INTO checkpoints VALUES (?, ?)', ['github/acme/api', '{"page":4}'])
  db.close()
}

describe('the embedded store', () => {
  it('keeps events and checkpoints in the file across reopening', async () => {
    const path = tempStore()
    await withStore(
      path,
      Effect.flatMap(EventStore, (store) =>
        Effect.zip(
          store.upsert([numbered(2), numbered(1)]),
          store.saveCheckpoint('jira/OPS', { updated: 9 }),
        ),
      ),
    )
    const reopened = await withStore(
      path,
      Effect.gen(function* () {
        const store = yield* EventStore
        return {
          again: yield* store.upsert([numbered(1), numbered(3)]),
          ids: Chunk.toArray(yield* Stream.runCollect(store.read())).map((event) => event.id),
          checkpoint: yield* store.checkpoint('jira/OPS'),
        }
      }),
    )
    expect(reopened).toEqual({
      again: { inserted: 1, alreadyPresent: 1 },
      ids: ['ev-0000001', 'ev-0000002', 'ev-0000003'],
      checkpoint: Option.some({ updated: 9 }),
    })
  })

  it('creates its folder and writes the current schema version', async () => {
    const path = join(tempStore('nested'), 'deeper', 'events.sqlite')
    const version = await withStore(
      path,
      Effect.flatMap(EventStore, (store) => store.schemaVersion),
    )
    expect([version, STORE_SCHEMA_VERSION, existsSync(path)]).toEqual([2, 2, true])
  })

  it('migrates a store of version 1 to version 2, keeping its events and checkpoints', async () => {
    const path = tempStore()
    writeVersionOne(path)
    const migrated = await withStore(
      path,
      Effect.gen(function* () {
        const store = yield* EventStore
        return {
          version: yield* store.schemaVersion,
          item: Chunk.toArray(yield* Stream.runCollect(store.read({ item: 'github:acme/api#3' }))),
          checkpoint: yield* store.checkpoint('github/acme/api'),
        }
      }),
    )
    expect(migrated).toEqual({
      version: 2,
      item: [numbered(3)],
      checkpoint: Option.some({ page: 4 }),
    })
    const db = new sqlite.Database(path)
    const indexes = db.all(
      "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'events_by_%' ORDER BY name",
    )
    db.close()
    expect(indexes).toEqual([{ name: 'events_by_item' }, { name: 'events_by_time' }])
  })

  it('refuses a store written by a newer schema, naming the file and the versions', async () => {
    const path = tempStore()
    const db = new sqlite.Database(path)
    db.exec('PRAGMA user_version = 7')
    db.close()
    const result = await Effect.runPromise(Effect.either(Effect.scoped(makeEmbeddedStore(path))))
    expect(Either.isLeft(result) && result.left.message).toBe(
      `event store ${path}: migrate failed: schema version 7 is newer than this Herbie knows (2): upgrade Herbie to open ${path}`,
    )
  })

  it('one process at a time: a second open while the first is in use fails naming the owner', async () => {
    const path = tempStore()
    const result = await Effect.runPromise(
      Effect.scoped(
        Effect.gen(function* () {
          yield* makeEmbeddedStore(path)
          return yield* Effect.either(Effect.scoped(makeEmbeddedStore(path)))
        }),
      ),
    )
    expect(Either.isLeft(result) && result.left.message).toBe(
      `event store ${path}: open failed: the store is in use by process ${process.pid} (one herbie process at a time)`,
    )
    // Released with its scope: the store opens again.
    expect(
      await withStore(
        path,
        Effect.flatMap(EventStore, (store) => store.schemaVersion),
      ),
    ).toBe(2)
  })

  it('an upsert of an event with a bad time stores nothing of its batch and names the event', async () => {
    const path = tempStore()
    const outcome = await withStore(
      path,
      Effect.gen(function* () {
        const store = yield* EventStore
        const failed = yield* Effect.either(store.upsert([numbered(1), { ...numbered(2), at: 'soon' }]))
        const stored = Chunk.size(yield* Stream.runCollect(store.read()))
        return { message: Either.isLeft(failed) ? failed.left.message : '', stored }
      }),
    )
    expect(outcome).toEqual({
      message: `event store ${path}: upsert failed: event ev-0000002: at "soon" is not an ISO-8601 timestamp with an offset`,
      stored: 0,
    })
  })

  it('reads 6,000 events in pages, in time order, with the filters', async () => {
    const path = tempStore()
    const read = await withStore(
      path,
      Effect.gen(function* () {
        const store = yield* EventStore
        // Inserted backwards, in several upserts.
        for (let start = 6_000; start > 0; start -= 2_000) {
          yield* store.upsert(Array.from({ length: 2_000 }, (_, i) => numbered(start - i - 1)))
        }
        const all = Chunk.toArray(yield* Stream.runCollect(store.lines()))
        const item = Chunk.toArray(yield* Stream.runCollect(store.read({ item: 'github:acme/api#7' })))
        return {
          count: all.length,
          ordered: all.every((line, i) => i === 0 || line > (all[i - 1] ?? '')),
          first: all[0],
          item: item.length,
          itemFirst: item[0]?.id,
        }
      }),
    )
    expect(read).toEqual({
      count: 6_000,
      ordered: true,
      first: JSON.stringify(numbered(0)),
      item: 600,
      itemFirst: 'ev-0000007',
    })
  })
})
