import { EventStore } from '@herbie/core'
import { numberedEvent as numbered } from '@herbie/testkit'
import { Cause, Chunk, Effect, Exit, Option, Stream } from 'effect'
import { describe, expect, it } from 'vitest'
import { postgresEventStore } from '../src/index.js'
import { freshDatabase, server } from './support.js'

describe.skipIf(server === null)('upsert', () => {
  it('stores all of a call or none: a bad event in its second statement undoes the first', async () => {
    const url = await freshDatabase(server?.url ?? '')
    const batch = Array.from({ length: 6_000 }, (_, n) =>
      n === 5_500 ? { ...numbered(n), at: 'yesterday' } : numbered(n),
    )
    const run = <A>(program: Effect.Effect<A, unknown, EventStore>) =>
      Effect.runPromiseExit(Effect.provide(program, postgresEventStore(url)))
    const failed = await run(Effect.flatMap(EventStore, (store) => store.upsert(batch)))
    const stored = await run(
      Effect.flatMap(EventStore, (store) => Stream.runCollect(store.read())).pipe(Effect.map(Chunk.size)),
    )
    const error = Exit.isFailure(failed)
      ? Option.getOrUndefined(Cause.failureOption(failed.cause))
      : undefined
    expect({ message: error instanceof Error ? error.message : error, stored }).toEqual({
      message: `event store ${url.replace(server?.password ?? '', '***')}: upsert failed: event ev-0005500: at "yesterday" is not an ISO-8601 timestamp with an offset`,
      stored: Exit.succeed(0),
    })
  })
})
