import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import {
  type EventQuery,
  type EventStoreShape,
  makeEventStore,
  parseTimestamp,
  type StageEventEncoded,
  StoreError,
  type StoreOperation,
} from '@herbie/core'
import { Chunk, Effect, Either, Option, Schema, type Scope, Stream } from 'effect'
import sqlite from 'node-sqlite3-wasm'
import { claim } from './ownership.js'
import { MIGRATIONS, SCHEMA_VERSION } from './schema.js'

/** Rows per statement of an upsert, and per page of a read. */
const BATCH = 2_000
const PAGE = 1_000

const Page = Schema.Array(Schema.Struct({ at_ms: Schema.Number, id: Schema.String, json: Schema.String }))
const Version = Schema.Struct({ user_version: Schema.Number })
const Checkpoint = Schema.Struct({ json: Schema.String })

const reasonOf = (cause: unknown): string => (cause instanceof Error ? cause.message : String(cause))

/** The WHERE clause of a query and its parameters, after the keyset of the page. */
const filtersOf = (query: EventQuery): { readonly sql: string; readonly values: Array<string | number> } => {
  const clauses: string[] = []
  const values: Array<string | number> = []
  const add = (clause: string, value: string | number | undefined) => {
    if (value === undefined) return
    clauses.push(clause)
    values.push(value)
  }
  add('at_ms >= ?', query.from)
  add('at_ms < ?', query.to)
  add('item_id = ?', query.item)
  add('stage = ?', query.stage)
  add('source = ?', query.source)
  return { sql: clauses.map((clause) => ` AND ${clause}`).join(''), values }
}

/** Runs SQL statements in one transaction; rolls back if one fails. */
const transaction = <A>(db: sqlite.Database, run: () => A): A => {
  db.exec('BEGIN IMMEDIATE')
  try {
    const result = run()
    db.exec('COMMIT')
    return result
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK')
    throw error
  }
}

const migrate = (db: sqlite.Database, file: string): number => {
  const version = Schema.decodeUnknownSync(Version)(db.get('PRAGMA user_version')).user_version
  if (version > SCHEMA_VERSION) {
    throw new Error(
      `schema version ${version} is newer than this Herbie knows (${SCHEMA_VERSION}): upgrade Herbie to open ${file}`,
    )
  }
  for (const migration of MIGRATIONS) {
    if (migration.version <= version) continue
    transaction(db, () => {
      db.exec(migration.sql)
      db.exec(`PRAGMA user_version = ${migration.version}`)
    })
  }
  return SCHEMA_VERSION
}

const rowOf = (
  location: string,
  event: StageEventEncoded,
): [string, string, string, string, number, string] => {
  const at = parseTimestamp(event.at)
  if (at === undefined) {
    throw new StoreError({
      location,
      operation: 'upsert',
      reason: `event ${event.id}: at ${JSON.stringify(event.at)} is not an ISO-8601 timestamp with an offset`,
    })
  }
  return [event.id, event.itemId, event.stage, event.source, at, JSON.stringify(event)]
}

/**
 * Opens (creating and migrating as needed) the SQLite file at `file` and keeps it open for the
 * scope: one process at a time, every upsert one transaction, reads page by page.
 */
export const openSqliteStore = (file: string): Effect.Effect<EventStoreShape, StoreError, Scope.Scope> => {
  const fail = (operation: StoreOperation) => (cause: unknown) =>
    cause instanceof StoreError
      ? cause
      : new StoreError({ location: file, operation, reason: reasonOf(cause) })
  const attempt = <A>(operation: StoreOperation, run: () => A) =>
    Effect.try({ try: run, catch: fail(operation) })

  const open = attempt('open', () => {
    mkdirSync(dirname(file), { recursive: true })
    const owned = claim(file)
    if ('ownedBy' in owned) {
      throw new Error(`the store is in use by process ${owned.ownedBy} (one herbie process at a time)`)
    }
    try {
      const db = new sqlite.Database(file)
      return { db, release: owned.release }
    } catch (error) {
      owned.release()
      throw error
    }
  })

  return Effect.acquireRelease(open, ({ db, release }) =>
    Effect.sync(() => {
      if (db.isOpen) db.close()
      release()
    }),
  ).pipe(
    Effect.tap(({ db }) => attempt('migrate', () => migrate(db, file))),
    Effect.map(({ db }) => {
      const insert = (rows: ReadonlyArray<StageEventEncoded>): number =>
        db.run(
          `INSERT OR IGNORE INTO events (id, item_id, stage, source, at_ms, json)
           SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5 FROM json_each(?)`,
          JSON.stringify(rows.map((event) => rowOf(file, event))),
        ).changes

      const page = (
        query: EventQuery,
        after: Option.Option<{ readonly at: number; readonly id: string }>,
      ) => {
        const filters = filtersOf(query)
        const keyset = Option.match(after, {
          onNone: () => ({ sql: '', values: [] }),
          onSome: ({ at, id }) => ({ sql: ' AND (at_ms, id) > (?, ?)', values: [at, id] }),
        })
        return attempt('read', () =>
          Schema.decodeUnknownSync(Page)(
            db.all(
              `SELECT at_ms, id, json FROM events WHERE 1 = 1${filters.sql}${keyset.sql} ORDER BY at_ms, id LIMIT ${PAGE}`,
              [...filters.values, ...keyset.values],
            ),
          ),
        )
      }

      return makeEventStore({
        location: file,
        upsert: (events) =>
          attempt('upsert', () => {
            const inserted = transaction(db, () => {
              let count = 0
              for (let start = 0; start < events.length; start += BATCH) {
                count += insert(events.slice(start, start + BATCH))
              }
              return count
            })
            return { inserted, alreadyPresent: events.length - inserted }
          }),
        lines: (query = {}) =>
          Stream.paginateChunkEffect(Option.none<{ readonly at: number; readonly id: string }>(), (after) =>
            page(query, after).pipe(
              Effect.map((rows) => {
                const last = rows.at(-1)
                const next =
                  rows.length < PAGE || last === undefined
                    ? Option.none()
                    : Option.some(Option.some({ at: last.at_ms, id: last.id }))
                return [Chunk.fromIterable(rows.map((row) => row.json)), next] as const
              }),
            ),
          ),
        checkpoint: (source) =>
          attempt('checkpoint', () => {
            const row = db.get('SELECT json FROM checkpoints WHERE source = ?', source)
            if (row === null) return Option.none()
            const decoded = Schema.decodeUnknownEither(Checkpoint)(row)
            if (Either.isLeft(decoded)) throw new Error(`checkpoint ${source}: ${decoded.left.message}`)
            return Option.some(JSON.parse(decoded.right.json) as unknown)
          }),
        saveCheckpoint: (source, value) =>
          attempt('saveCheckpoint', () => {
            const json = JSON.stringify(value)
            if (json === undefined) throw new Error(`checkpoint ${source}: the value is not JSON`)
            db.run(
              'INSERT INTO checkpoints (source, json) VALUES (?, ?) ON CONFLICT (source) DO UPDATE SET json = excluded.json',
              [source, json],
            )
          }),
        schemaVersion: attempt(
          'read',
          () => Schema.decodeUnknownSync(Version)(db.get('PRAGMA user_version')).user_version,
        ),
      })
    }),
  )
}
