import type { StreamIndex } from '../stream/StreamIndex.js'
import { leadStartOf, type Timeline } from '../timeline/Timeline.js'
import { type Summary, summarizeMillis } from './percentile.js'
import { type Window, windowDays } from './Window.js'

/**
 * Item-level flow metrics over a window.
 *
 * @since 0.1.0
 * @category metrics
 */
export interface ItemMetrics {
  /**
   * Items active in the window (appeared by its end, neither done nor dropped before its start):
   * those done in it, those in progress at its end (past the commitment point), and those
   * abandoned in it (dropped unfinished: a pull request closed unmerged).
   */
  readonly items: {
    readonly total: number
    readonly completed: number
    readonly inProgress: number
    readonly abandoned: number
  }
  /**
   * Done minus first enter (for an item joined across sources, minus its commitment point), for
   * items done in the window; `null` when none was done.
   */
  readonly leadTime: Summary | null
  /** Done minus the commitment point, for items done in the window; `null` when none was. */
  readonly cycleTime: Summary | null
  /** Time in work stages over lead time, summed over the items done in the window; `null` when none was. */
  readonly flowEfficiency: number | null
  /** Items done in the window per day; `null` when none was (a rate of nothing is not known). */
  readonly throughputPerDay: number | null
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
  let abandoned = 0
  for (const timeline of timelines) {
    const { firstEnter, doneAt, committedAt, abandonedAt } = timeline
    const endedAt = doneAt ?? abandonedAt
    if (firstEnter > window.to || (endedAt !== undefined && endedAt < window.from)) continue
    total++
    if (doneAt !== undefined && doneAt <= window.to) {
      const start = leadStartOf(timeline)
      lead.push(doneAt - start)
      leadSum += doneAt - start
      work += workTime(timeline, index, start, doneAt)
      if (committedAt !== undefined && committedAt <= doneAt) cycle.push(doneAt - committedAt)
    } else if (abandonedAt !== undefined && abandonedAt <= window.to) abandoned++
    else if (committedAt !== undefined && committedAt <= window.to) inProgress++
  }
  const done = lead.length > 0
  return {
    items: { total, completed: lead.length, inProgress, abandoned },
    leadTime: done ? summarizeMillis(lead) : null,
    cycleTime: cycle.length > 0 ? summarizeMillis(cycle) : null,
    flowEfficiency: leadSum > 0 ? work / leadSum : null,
    throughputPerDay: done ? lead.length / windowDays(window) : null,
  }
}
