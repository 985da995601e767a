import { Effect, Stream } from 'effect'
import type { StageEventEncoded } from '../event/StageEvent.js'
import { isStageEvent, validateEvent } from '../event/validate.js'
import type { EventQuery } from './EventQuery.js'
import type { EventStoreShape } from './EventStore.js'
import { StoreError } from './StoreError.js'

const decodeLine =
  (location: string) =>
  (line: string): Effect.Effect<StageEventEncoded, StoreError> =>
    Effect.try({
      try: () => JSON.parse(line) as unknown,
      catch: (cause) =>
        new StoreError({
          location,
          operation: 'read',
          reason: `a stored event is not JSON: ${String(cause)}`,
        }),
    }).pipe(
      Effect.filterOrFail(isStageEvent, (value) => {
        const issue = validateEvent(value)
        const what = typeof issue === 'number' ? '' : ` (${issue.field}: ${issue.reason})`
        return new StoreError({
          location,
          operation: 'read',
          reason: `a stored event is not a stage event${what}`,
        })
      }),
    )

/**
 * Builds an event store from its storage: `read` is derived from `lines`, each stored line parsed
 * and checked against the stage-event contract (a line that fails is a `StoreError` of `read`).
 *
 * @since 0.1.0
 * @category event store
 */
export const makeEventStore = (storage: Omit<EventStoreShape, 'read'>): EventStoreShape => ({
  ...storage,
  read: (query?: EventQuery) => storage.lines(query).pipe(Stream.mapEffect(decodeLine(storage.location))),
})
