import type { EventLog } from '../ingest/EventLog.js'
import { indexStream } from '../stream/StreamIndex.js'
import type { ValueStream } from '../stream/ValueStream.js'
import { foldTimelines } from '../timeline/fold.js'
import { leadStartOf } from '../timeline/Timeline.js'
import { foldedItems, type Member } from './Correlation.js'
import { type CorrelationOptions, defaultCorrelation } from './CorrelationOptions.js'
import { correlate } from './correlate.js'

/**
 * The drill-down of one work item: its id after joining, its members with the rule that joined
 * each, its stays (stage, enter, exit; ISO-8601, `null` while open), and where its lead time
 * starts and ends (`null` when it is not done).
 *
 * @since 0.1.0
 * @category correlation
 */
export interface ItemExplanation {
  readonly itemId: string
  readonly members: ReadonlyArray<Member>
  readonly timeline: ReadonlyArray<{
    readonly stage: string
    readonly enter: string
    readonly exit: string | null
  }>
  readonly leadStart: string
  readonly doneAt: string | null
}

/**
 * Explains the work item `itemId` names (its own id after joining, or the id of any member:
 * `github:acme/api#7` finds `jira:PAY-142`), or undefined when no item has it.
 *
 * @since 0.1.0
 * @category correlation
 */
export const explainItem = (
  log: Pick<EventLog, 'items' | 'hints' | 'sources'>,
  stream: ValueStream,
  itemId: string,
  options: CorrelationOptions = defaultCorrelation,
): ItemExplanation | undefined => {
  const correlated = correlate(log, options)
  const all = foldedItems(correlated)
  let found = all.has(itemId) ? itemId : undefined
  for (const [id, members] of correlated.members) {
    if (found === undefined && members.some((member) => member.itemId === itemId)) found = id
  }
  if (found === undefined) return undefined
  const index = indexStream(stream)
  const { timelines } = foldTimelines(all, index, { parts: correlated.parts })
  const timeline = timelines.find((candidate) => candidate.itemId === found)!
  const own = all.get(found)!
  const iso = (at: number) => new Date(at).toISOString()
  return {
    itemId: found,
    members: correlated.members.get(found) ?? [
      {
        itemId: found,
        sources: [...new Set(own.map((event) => log.sources[event.source ?? -1] ?? 'unknown'))].sort(),
        events: own.length,
        rule: 'id',
        via: found,
      },
    ],
    timeline: timeline.intervals.map((interval) => ({
      stage: index.stages[interval.stage]!.name,
      enter: iso(interval.enter),
      exit: interval.exit === undefined ? null : iso(interval.exit),
    })),
    leadStart: iso(leadStartOf(timeline)),
    doneAt: timeline.doneAt === undefined ? null : iso(timeline.doneAt),
  }
}
