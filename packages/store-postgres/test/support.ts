import * as Reactivity from '@effect/experimental/Reactivity'
import { PgClient } from '@effect/sql-pg'
import type { StageEventEncoded } from '@herbie/core'
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

/** Event `n` of a numbered history: one enter a minute over ten items. */
export const numbered = (n: number): StageEventEncoded => ({
  id: `ev-${String(n).padStart(7, '0')}`,
  itemId: `github:acme/api#${n % 10}`,
  stage: 'review',
  type: 'enter',
  at: new Date(Date.parse('2025-01-01T00:00:00Z') + n * 60_000).toISOString(),
  source: 'github',
})
