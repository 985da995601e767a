import type { StageEventEncoded } from '../event/StageEvent.js'

/**
 * Which stored events to read: a time window `[from, to)` in epoch milliseconds and exact item,
 * stage and source names; every field left out matches all events.
 *
 * @since 0.1.0
 * @category event store
 */
export interface EventQuery {
  readonly from?: number
  readonly to?: number
  readonly item?: string
  readonly stage?: string
  readonly source?: string
}

/**
 * Whether an event (at `at` epoch milliseconds) is one a query asks for.
 *
 * @since 0.1.0
 * @category event store
 */
export const matchesQuery = (
  query: EventQuery,
  event: Pick<StageEventEncoded, 'itemId' | 'stage' | 'source'>,
  at: number,
): boolean =>
  (query.from === undefined || at >= query.from) &&
  (query.to === undefined || at < query.to) &&
  (query.item === undefined || event.itemId === query.item) &&
  (query.stage === undefined || event.stage === query.stage) &&
  (query.source === undefined || event.source === query.source)
