import { Effect, Layer, Option, Stream } from 'effect'
import { parseTimestamp } from '../event/timestamp.js'
import { matchesQuery } from './EventQuery.js'
import { EventStore, type EventStoreShape } from './EventStore.js'
import { makeEventStore } from './makeEventStore.js'

interface Stored {
  readonly id: string
  readonly at: number
  readonly line: string
}

const byTimeThenId = (a: Stored, b: Stored): number => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/**
 * An event store in memory (schema version 1), for tests and one-off runs: the events live as
 * long as the store value. It holds everything in memory, so it is not for large histories.
 *
 * @since 0.1.0
 * @category event store
 */
export const makeMemoryEventStore = (location = 'memory'): EventStoreShape => {
  const events = new Map<
    string,
    Stored & { readonly itemId: string; readonly stage: string; readonly source: string }
  >()
  const checkpoints = new Map<string, string>()
  return makeEventStore({
    location,
    upsert: (batch) =>
      Effect.sync(() => {
        let inserted = 0
        for (const event of batch) {
          if (events.has(event.id)) continue
          events.set(event.id, {
            id: event.id,
            itemId: event.itemId,
            stage: event.stage,
            source: event.source,
            at: parseTimestamp(event.at) ?? Number.NaN,
            line: JSON.stringify(event),
          })
          inserted++
        }
        return { inserted, alreadyPresent: batch.length - inserted }
      }),
    lines: (query = {}) =>
      Stream.suspend(() =>
        Stream.fromIterable(
          [...events.values()]
            .filter((stored) => matchesQuery(query, stored, stored.at))
            .sort(byTimeThenId)
            .map((stored) => stored.line),
        ),
      ),
    checkpoint: (source) =>
      Effect.sync(() =>
        Option.map(Option.fromNullable(checkpoints.get(source)), (text): unknown => JSON.parse(text)),
      ),
    saveCheckpoint: (source, value) => Effect.sync(() => void checkpoints.set(source, JSON.stringify(value))),
    schemaVersion: Effect.succeed(1),
  })
}

/**
 * A layer of {@link makeMemoryEventStore}: every program provided with the same layer value sees
 * the same events.
 *
 * @since 0.1.0
 * @category event store
 */
export const layerMemoryEventStore = (location = 'memory'): Layer.Layer<EventStore> =>
  Layer.succeed(EventStore, makeMemoryEventStore(location))
