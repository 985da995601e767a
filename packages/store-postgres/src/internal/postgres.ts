import * as Reactivity from '@effect/experimental/Reactivity'
import { PgClient } from '@effect/sql-pg'
import {
  type EventQuery,
  type EventStoreShape,
  makeEventStore,
  parseTimestamp,
  type StageEventEncoded,
  StoreError,
  type StoreOperation,
} from '@herbie/core'
import { Chunk, Duration, Effect, Option, Redacted, Schema, type Scope, Stream } from 'effect'
import { locationOf, scrub, secretsOf } from './location.js'
import { MIGRATION_LOCK, MIGRATIONS, SCHEMA_VERSION, VERSION_TABLE } from './schema.js'

/** Events per INSERT statement of an upsert, and per page of a read. */
const BATCH = 5_000
const PAGE = 1_000

const Page = Schema.Array(Schema.Struct({ at: Schema.Number, id: Schema.String, json: Schema.String }))
const Versions = Schema.Array(Schema.Struct({ version: Schema.Number }))
const Inserted = Schema.Tuple(Schema.Struct({ inserted: Schema.Number }))
const Checkpoints = Schema.Array(Schema.Struct({ json: Schema.String }))

/** What PostgreSQL or the network said, with its code (a SQLSTATE) when the words lack it. */
const causeOf = (error: Error): string => {
  const code = 'code' in error && typeof error.code === 'string' ? error.code : ''
  const words = error.message !== '' ? error.message : error.name
  return code === '' || words.includes(code) ? words : `${words} (${code})`
}

/** Why a driver call failed, in words: the driver's message, then its cause's (PostgreSQL's). */
const reasonOf = (error: unknown): string => {
  if (!(error instanceof Error)) return String(error)
  return error.cause instanceof Error ? `${error.message}: ${causeOf(error.cause)}` : error.message
}

/** Why connecting failed: the cause alone (the driver's own words add nothing). */
const connectReasonOf = (error: unknown): string =>
  `cannot connect: ${error instanceof Error && error.cause instanceof Error ? causeOf(error.cause) : reasonOf(error)}`

/** The WHERE clause of a query and its parameters, numbered from `$1`. */
const filtersOf = (query: EventQuery): { readonly sql: string; readonly values: Array<string | number> } => {
  const clauses: string[] = []
  const values: Array<string | number> = []
  const add = (column: string, operator: string, value: string | number | undefined) => {
    if (value === undefined) return
    values.push(value)
    clauses.push(`${column} ${operator} $${values.length}`)
  }
  add('at_ms', '>=', query.from)
  add('at_ms', '<', query.to)
  add('item_id', '=', query.item)
  add('stage', '=', query.stage)
  add('source', '=', query.source)
  return { sql: clauses.map((clause) => ` AND ${clause}`).join(''), values }
}

/** The columns of a batch, one array each, sorted by id so concurrent writers lock rows in one order. */
const columnsOf = (location: string, events: ReadonlyArray<StageEventEncoded>) => {
  const sorted = [...events].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const at = sorted.map((event) => {
    const ms = parseTimestamp(event.at)
    if (ms === undefined) {
      throw new StoreError({
        location,
        operation: 'upsert',
        reason: `event ${event.id}: at ${JSON.stringify(event.at)} is not an ISO-8601 timestamp with an offset`,
      })
    }
    return ms
  })
  return [
    sorted.map((event) => event.id),
    sorted.map((event) => event.itemId),
    sorted.map((event) => event.stage),
    sorted.map((event) => event.source),
    at,
    sorted.map((event) => JSON.stringify(event)),
  ]
}

const INSERT = `WITH added AS (
    INSERT INTO herbie_events (id, item_id, stage, source, at_ms, json)
    SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::text[])
    ON CONFLICT (id) DO NOTHING
    RETURNING 1
  )
  SELECT count(*)::int AS inserted FROM added`

/**
 * Connects to the PostgreSQL database at `url` for the scope (a pool of connections), migrates
 * its schema to the current version and gives the event store on it. Any number of processes
 * may open the same database at once.
 */
export const openPostgresStore = (url: string): Effect.Effect<EventStoreShape, StoreError, Scope.Scope> => {
  const location = locationOf(url)
  const secrets = secretsOf(url)
  const fail =
    (operation: StoreOperation, words: (cause: unknown) => string = reasonOf) =>
    (cause: unknown) =>
      cause instanceof StoreError
        ? cause
        : new StoreError({ location, operation, reason: scrub(words(cause), secrets) })

  const connect = Effect.suspend(() => {
    if (!URL.canParse(url) || !/^postgres(ql)?:$/.test(new URL(url).protocol)) {
      return Effect.fail(
        new StoreError({
          location,
          operation: 'open',
          reason: 'the store URL is not a postgres:// (or postgresql://) URL',
        }),
      )
    }
    return PgClient.make({
      url: Redacted.make(url),
      connectTimeout: Duration.seconds(10),
      applicationName: 'herbie',
    }).pipe(Effect.mapError(fail('open', connectReasonOf)), Effect.provide(Reactivity.layer))
  })

  return Effect.gen(function* () {
    const sql = yield* connect
    const attempt = <A, E, R>(operation: StoreOperation, effect: Effect.Effect<A, E, R>) =>
      Effect.mapError(effect, fail(operation))

    const version = sql.unsafe(`SELECT version FROM ${VERSION_TABLE}`).pipe(
      Effect.flatMap(Schema.decodeUnknown(Versions)),
      Effect.map((rows) => rows[0]?.version ?? 0),
    )

    yield* attempt(
      'migrate',
      sql.withTransaction(
        Effect.gen(function* () {
          yield* sql.unsafe(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`)
          yield* sql.unsafe(`CREATE TABLE IF NOT EXISTS ${VERSION_TABLE} (version INTEGER NOT NULL)`)
          const current = yield* version
          if (current > SCHEMA_VERSION) {
            return yield* new StoreError({
              location,
              operation: 'migrate',
              reason: `schema version ${current} is newer than this Herbie knows (${SCHEMA_VERSION}): upgrade Herbie to open it`,
            })
          }
          for (const migration of MIGRATIONS) {
            if (migration.version <= current) continue
            yield* sql.unsafe(migration.sql)
          }
          if (current === 0)
            yield* sql.unsafe(`INSERT INTO ${VERSION_TABLE} (version) VALUES ($1)`, [SCHEMA_VERSION])
          else if (current < SCHEMA_VERSION)
            yield* sql.unsafe(`UPDATE ${VERSION_TABLE} SET version = $1`, [SCHEMA_VERSION])
        }),
      ),
    )

    const page = (query: EventQuery, after: Option.Option<{ readonly at: number; readonly id: string }>) => {
      const filters = filtersOf(query)
      const keyset = Option.match(after, {
        onNone: () => ({ sql: '', values: [] }),
        onSome: ({ at, id }) => ({
          sql: ` AND (at_ms, id) > ($${filters.values.length + 1}, $${filters.values.length + 2})`,
          values: [at, id],
        }),
      })
      return attempt(
        'read',
        sql
          .unsafe(
            `SELECT at_ms::float8 AS at, id, json FROM herbie_events WHERE true${filters.sql}${keyset.sql} ORDER BY at_ms, id LIMIT ${PAGE}`,
            [...filters.values, ...keyset.values],
          )
          .pipe(Effect.flatMap(Schema.decodeUnknown(Page))),
      )
    }

    return makeEventStore({
      location,
      upsert: (events) =>
        attempt(
          'upsert',
          Effect.gen(function* () {
            let inserted = 0
            for (let start = 0; start < events.length; start += BATCH) {
              const columns = yield* Effect.try({
                try: () => columnsOf(location, events.slice(start, start + BATCH)),
                catch: fail('upsert'),
              })
              const [row] = yield* sql
                .unsafe(INSERT, columns)
                .pipe(Effect.flatMap(Schema.decodeUnknown(Inserted)))
              inserted += row.inserted
            }
            return { inserted, alreadyPresent: events.length - inserted }
          }).pipe(sql.withTransaction),
        ),
      lines: (query = {}) =>
        Stream.paginateChunkEffect(Option.none<{ readonly at: number; readonly id: string }>(), (after) =>
          page(query, after).pipe(
            Effect.map((rows) => {
              const last = rows.at(-1)
              const next =
                rows.length < PAGE || last === undefined
                  ? Option.none()
                  : Option.some(Option.some({ at: last.at, id: last.id }))
              return [Chunk.fromIterable(rows.map((row) => row.json)), next] as const
            }),
          ),
        ),
      checkpoint: (source) =>
        attempt(
          'checkpoint',
          sql.unsafe('SELECT json FROM herbie_checkpoints WHERE source = $1', [source]).pipe(
            Effect.flatMap(Schema.decodeUnknown(Checkpoints)),
            Effect.flatMap((rows) =>
              Option.match(Option.fromNullable(rows[0]), {
                onNone: () => Effect.succeedNone,
                onSome: ({ json }) =>
                  Effect.try({
                    try: () => Option.some(JSON.parse(json) as unknown),
                    catch: (cause) => new Error(`checkpoint ${source} is not JSON: ${String(cause)}`),
                  }),
              }),
            ),
          ),
        ),
      saveCheckpoint: (source, value) =>
        attempt(
          'saveCheckpoint',
          Effect.suspend(() => {
            const json = JSON.stringify(value)
            if (json === undefined)
              return Effect.fail(new Error(`checkpoint ${source}: the value is not JSON`))
            return sql.unsafe(
              'INSERT INTO herbie_checkpoints (source, json) VALUES ($1, $2) ON CONFLICT (source) DO UPDATE SET json = excluded.json',
              [source, json],
            )
          }).pipe(Effect.asVoid),
        ),
      schemaVersion: attempt('read', version),
    })
  })
}
