import type { StageEventEncoded } from '../event/StageEvent.js'
import type { BackfillItem } from './defineAdapter.js'

/**
 * The backfill items of some events and of the facts that could not be joined (one `Unjoined`
 * count per reason given).
 *
 * @since 0.1.0
 * @category adapter
 */
export const itemsOf = (
  events: ReadonlyArray<StageEventEncoded>,
  unjoined: ReadonlyArray<string> = [],
): BackfillItem<never>[] => [
  ...events.map((event) => ({ _tag: 'Event', event }) as const),
  ...unjoined.map((reason) => ({ _tag: 'Unjoined', reason, count: 1 }) as const),
]
