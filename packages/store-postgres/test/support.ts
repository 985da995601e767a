import * as Reactivity from '@effect/experimental/Reactivity'
import { PgClient } from '@effect/sql-pg'
import { Effect, Redacted } from 'effect'
import { inject } from 'vitest'

/** This run's server, or null when PostgreSQL is not installed (see globalSetup.ts). */
export const server = inject('postgres')

let databases = 0

/** The URL of `url`'s server with another database. */
export const withDatabase = (url: string, database: string): string => {
  const parsed = new URL(url)
  parsed.pathname = `/${database}`
  return parsed.toString()
}

/** Runs SQL statements (no parameters) in the database at `url`. */
export const execute = (url: string, ...statements: ReadonlyArray<string>): Promise<void> =>
  Effect.runPromise(
    Effect.scoped(
      Effect.gen(function* () {
        const sql = yield* PgClient.make({ url: Redacted.make(url) })
        for (const statement of statements) yield* sql.unsafe(statement)
      }),
    ).pipe(Effect.provide(Reactivity.layer)),
  )

/** A new, empty database owned by the test role; gives its URL. */
export const freshDatabase = async (url: string): Promise<string> => {
  const name = `herbie_test_${process.pid}_${++databases}`
  await execute(url, `CREATE DATABASE ${name}`)
  return withDatabase(url, name)
}
