import { EventStore, type StageEventEncoded, type StoreError } from '@herbie/core'
import { Chunk, Effect, type Layer, Option, Stream } from 'effect'
import { describe, expect, it } from 'vitest'

const event = (
  id: string,
  at: string,
  extra: Partial<Omit<StageEventEncoded, 'id' | 'at'>> = {},
): StageEventEncoded => ({
  id,
  itemId: 'github:acme/api#1',
  stage: 'review',
  type: 'enter',
  at,
  source: 'github',
  ...extra,
})

const ids = (events: ReadonlyArray<StageEventEncoded>): string[] => events.map((stored) => stored.id)

/**
 * Declares the contract suite of an event store in the calling vitest file, run against a fresh,
 * empty store from `makeLayer` in every test: upserts are idempotent by id and count what they
 * inserted and what was already there (repeats inside one batch too); the first event of an id
 * is kept; reads come in time order then id order (timestamps with offsets compared as
 * instants), filtered by window `[from, to)`, item, stage and source; `lines` are the JSON of the
 * events `read` gives; a read can stop early; checkpoints are kept per source and replaced whole;
 * the schema version is a positive integer.
 *
 * @since 0.1.0
 * @category event store
 */
export const eventStoreContract = (
  name: string,
  makeLayer: () => Layer.Layer<EventStore, StoreError>,
): void => {
  const run = <A>(program: Effect.Effect<A, StoreError, EventStore>): Promise<A> =>
    Effect.runPromise(Effect.provide(program, makeLayer()))
  const readAll = (query?: Parameters<EventStore['Type']['read']>[0]) =>
    Effect.flatMap(EventStore, (store) => Stream.runCollect(store.read(query))).pipe(
      Effect.map(Chunk.toArray),
    )

  describe(`${name}: event store contract`, () => {
    it('upserts are idempotent by id and count the new and the known events', async () => {
      const counts = await run(
        Effect.gen(function* () {
          const store = yield* EventStore
          const first = yield* store.upsert([
            event('a', '2025-01-01T00:00:00Z'),
            event('b', '2025-01-02T00:00:00Z'),
          ])
          const again = yield* store.upsert([
            event('b', '2025-01-02T00:00:00Z'),
            event('c', '2025-01-03T00:00:00Z'),
            event('c', '2025-01-03T00:00:00Z'),
          ])
          const empty = yield* store.upsert([])
          return { first, again, empty, stored: ids(yield* readAll()) }
        }),
      )
      expect(counts).toEqual({
        first: { inserted: 2, alreadyPresent: 0 },
        again: { inserted: 1, alreadyPresent: 2 },
        empty: { inserted: 0, alreadyPresent: 0 },
        stored: ['a', 'b', 'c'],
      })
    })

    it('keeps the first event stored under an id', async () => {
      const stored = await run(
        Effect.gen(function* () {
          const store = yield* EventStore
          yield* store.upsert([event('a', '2025-01-01T00:00:00Z', { stage: 'review' })])
          yield* store.upsert([event('a', '2025-01-05T00:00:00Z', { stage: 'ci' })])
          return yield* readAll()
        }),
      )
      expect(stored).toEqual([event('a', '2025-01-01T00:00:00Z', { stage: 'review' })])
    })

    it('reads in time order, then id order, comparing instants across offsets', async () => {
      const order = await run(
        Effect.gen(function* () {
          const store = yield* EventStore
          yield* store.upsert([
            event('late', '2025-01-01T12:00:00Z'),
            event('tie-b', '2025-01-01T09:00:00Z'),
            event('offset', '2025-01-01T10:30:00+02:00'),
            event('tie-a', '2025-01-01T09:00:00.000Z'),
            event('early', '2024-12-31T23:59:59.999Z'),
          ])
          return ids(yield* readAll())
        }),
      )
      expect(order).toEqual(['early', 'offset', 'tie-a', 'tie-b', 'late'])
    })

    it('filters by window [from, to), item, stage and source', async () => {
      const read = await run(
        Effect.gen(function* () {
          const store = yield* EventStore
          yield* store.upsert([
            event('1', '2025-03-01T00:00:00Z'),
            event('2', '2025-03-02T00:00:00Z', { itemId: 'jira:OPS-7', source: 'jira', stage: 'develop' }),
            event('3', '2025-03-03T00:00:00Z', { stage: 'ci', type: 'exit', outcome: 'success' }),
            event('4', '2025-03-04T00:00:00Z', { itemId: 'jira:OPS-7', source: 'jira' }),
          ])
          const at = (text: string) => Date.parse(text)
          return {
            window: ids(yield* readAll({ from: at('2025-03-02T00:00:00Z'), to: at('2025-03-04T00:00:00Z') })),
            from: ids(yield* readAll({ from: at('2025-03-03T00:00:00Z') })),
            to: ids(yield* readAll({ to: at('2025-03-02T00:00:00Z') })),
            item: ids(yield* readAll({ item: 'jira:OPS-7' })),
            stage: ids(yield* readAll({ stage: 'review' })),
            source: ids(yield* readAll({ source: 'github' })),
            combined: ids(
              yield* readAll({ item: 'jira:OPS-7', stage: 'review', from: at('2025-03-02T00:00:00Z') }),
            ),
            none: ids(yield* readAll({ item: 'github:acme/api#404' })),
          }
        }),
      )
      expect(read).toEqual({
        window: ['2', '3'],
        from: ['3', '4'],
        to: ['1'],
        item: ['2', '4'],
        stage: ['1', '4'],
        source: ['1', '3'],
        combined: ['4'],
        none: [],
      })
    })

    it('gives every field back, and lines are the JSON of the events read', async () => {
      const full = event('full', '2025-02-01T08:00:00Z', {
        type: 'exit',
        stage: 'deploy',
        outcome: 'failure',
        links: [{ kind: 'commit', id: 'abc123' }],
        attributes: { environment: 'production', attempt: 2, manual: true },
      })
      const { events, lines } = await run(
        Effect.gen(function* () {
          const store = yield* EventStore
          yield* store.upsert([full, event('plain', '2025-02-02T08:00:00Z')])
          return {
            events: yield* readAll(),
            lines: Chunk.toArray(yield* Stream.runCollect(store.lines())),
          }
        }),
      )
      expect(events).toEqual([full, event('plain', '2025-02-02T08:00:00Z')])
      expect(lines.map((line) => JSON.parse(line))).toEqual(events)
    })

    it('a read can stop after the first events of a large store', async () => {
      const first = await run(
        Effect.gen(function* () {
          const store = yield* EventStore
          const start = Date.parse('2025-01-01T00:00:00Z')
          const many = Array.from({ length: 12_000 }, (_, i) =>
            event(`e${String(i).padStart(5, '0')}`, new Date(start + (12_000 - i) * 60_000).toISOString()),
          )
          yield* store.upsert(many)
          return ids(Chunk.toArray(yield* Stream.runCollect(store.read().pipe(Stream.take(3)))))
        }),
      )
      expect(first).toEqual(['e11999', 'e11998', 'e11997'])
    })

    it('keeps one checkpoint per source and replaces it whole', async () => {
      const checkpoints = await run(
        Effect.gen(function* () {
          const store = yield* EventStore
          const before = yield* store.checkpoint('github/acme/api')
          yield* store.saveCheckpoint('github/acme/api', { since: '2025-01-01T00:00:00Z', pages: 3 })
          yield* store.saveCheckpoint('jira/OPS', { updated: 17 })
          yield* store.saveCheckpoint('github/acme/api', { since: '2025-02-01T00:00:00Z' })
          return {
            before,
            github: yield* store.checkpoint('github/acme/api'),
            jira: yield* store.checkpoint('jira/OPS'),
          }
        }),
      )
      expect(checkpoints).toEqual({
        before: Option.none(),
        github: Option.some({ since: '2025-02-01T00:00:00Z' }),
        jira: Option.some({ updated: 17 }),
      })
    })

    it('has a positive integer schema version', async () => {
      const version = await run(Effect.flatMap(EventStore, (store) => store.schemaVersion))
      expect(Number.isInteger(version) && version >= 1).toBe(true)
    })
  })
}
