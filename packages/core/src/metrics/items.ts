import type { StreamIndex } from '../stream/StreamIndex.js'
import type { Timeline } from '../timeline/Timeline.js'
import { type Summary, summarizeMillis } from './percentile.js'
import { type Window, windowDays } from './Window.js'

/**
 * Item-level flow metrics over a window.
 *
 * @since 0.1.0
 * @category metrics
 */
export interface ItemMetrics {
  /** Items active in the window (appeared by its end, not done before its start); completed and in-progress ones. */
  readonly items: { readonly total: number; readonly completed: number; readonly inProgress: number }
  /** Done minus first enter, for items done in the window. */
  readonly leadTime: Summary
  /** Done minus the commitment point, for items done in the window. */
  readonly cycleTime: Summary
  /** Time in work stages over lead time, summed over the items done in the window. */
  readonly flowEfficiency: number
  /** Items done in the window per day. */
  readonly throughputPerDay: number
}

/**
 * The length of the union of an item's work-stage stays inside `[from, to]`: overlapping stays
 * (CI running during review) count once.
 *
 * @since 0.1.0
 * @category metrics
 */
export const workTime = (timeline: Timeline, index: StreamIndex, from: number, to: number): number => {
  let total = 0
  let coveredUntil = from
  for (const interval of timeline.intervals) {
    if (!index.isWork[interval.stage]) continue
    const start = Math.max(interval.enter, coveredUntil)
    const end = Math.min(interval.exit ?? to, to)
    if (end > start) {
      total += end - start
      coveredUntil = end
    }
  }
  return total
}

/**
 * Lead and cycle time, flow efficiency, throughput and item counts.
 *
 * @since 0.1.0
 * @category metrics
 */
export const itemMetrics = (
  timelines: ReadonlyArray<Timeline>,
  index: StreamIndex,
  window: Window,
): ItemMetrics => {
  const lead: number[] = []
  const cycle: number[] = []
  let work = 0
  let leadSum = 0
  let total = 0
  let inProgress = 0
  for (const timeline of timelines) {
    const { firstEnter, doneAt, committedAt } = timeline
    if (firstEnter > window.to || (doneAt !== undefined && doneAt < window.from)) continue
    total++
    if (doneAt !== undefined && doneAt <= window.to) {
      lead.push(doneAt - firstEnter)
      leadSum += doneAt - firstEnter
      work += workTime(timeline, index, firstEnter, doneAt)
      if (committedAt !== undefined && committedAt <= doneAt) cycle.push(doneAt - committedAt)
    } else if (committedAt !== undefined && committedAt <= window.to) inProgress++
  }
  return {
    items: { total, completed: lead.length, inProgress },
    leadTime: summarizeMillis(lead),
    cycleTime: summarizeMillis(cycle),
    flowEfficiency: leadSum > 0 ? work / leadSum : 0,
    throughputPerDay: lead.length / windowDays(window),
  }
}
