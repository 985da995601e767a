import {
  foldTimelines,
  indexStream,
  makeEventLog,
  StageEvent,
  type StageEventEncoded,
  validateEvent,
} from '@herbie/core'
import { Either, Schema } from 'effect'

/**
 * The ids of events that do not decode with the `StageEvent` schema.
 *
 * @since 0.1.0
 * @category checks
 */
export const undecodable = (events: ReadonlyArray<unknown>): ReadonlyArray<string> =>
  events
    .filter((event) => Either.isLeft(Schema.decodeUnknownEither(StageEvent)(event)))
    .map((event) => String((event as { id?: unknown }).id))

/**
 * The ids that more than one event carries.
 *
 * @since 0.1.0
 * @category checks
 */
export const repeatedIds = (events: ReadonlyArray<StageEventEncoded>): ReadonlyArray<string> => {
  const seen = new Set<string>()
  const repeated = new Set<string>()
  for (const event of events) {
    if (seen.has(event.id)) repeated.add(event.id)
    seen.add(event.id)
  }
  return [...repeated]
}

/**
 * The items with an exit that has no enter before it in the same stage.
 *
 * @since 0.1.0
 * @category checks
 */
export const unpairedExits = (events: ReadonlyArray<StageEventEncoded>): ReadonlyArray<string> => {
  const names = [...new Set(events.map((event) => event.stage))]
  const index = indexStream({
    stages: names.map((name) => ({ name, activity: 'work' as const })) as never,
    commitment: names[0]!,
    done: names[0]!,
  })
  const log = makeEventLog(index)
  for (const event of events) {
    const at = validateEvent(event)
    if (typeof at === 'number') log.add(event as unknown as Record<string, unknown>, at)
  }
  return foldTimelines(log.build().items, index)
    .warnings.filter((warning) => warning.kind === 'exit-without-enter')
    .flatMap((warning) => warning.itemIds)
}

/**
 * The ids of webhook events that the backfill of the same story does not yield: a fact a sync
 * and a webhook would count twice.
 *
 * @since 0.1.0
 * @category checks
 */
export const foreignIds = (
  webhookEvents: ReadonlyArray<StageEventEncoded>,
  backfillIds: ReadonlySet<string>,
): ReadonlyArray<string> => webhookEvents.map((event) => event.id).filter((id) => !backfillIds.has(id))
