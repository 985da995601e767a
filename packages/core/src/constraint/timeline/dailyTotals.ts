import { DAY_MS, type Window, within } from '../../metrics/Window.js'
import type { Wait } from '../../metrics/waits.js'
import { leadStartOf, type Timeline } from '../../timeline/Timeline.js'

/**
 * One work stage's totals per day of the window (one entry per day), in milliseconds where a
 * duration.
 *
 * @since 0.1.0
 * @category constraint
 */
export interface StageDays {
  readonly stage: number
  /** Stays in the stage of the items done that day. */
  readonly visits: Float64Array
  /** Stays that ended that day, and their summed length. */
  readonly departures: Float64Array
  readonly serviceSum: Float64Array
  /** Waits in front of the stage of the items done that day, summed. */
  readonly waited: Float64Array
  /** Waits that ended (the item entered) that day: how many, and their summed length. */
  readonly waitCount: Float64Array
  readonly waitSum: Float64Array
  /** Items that became ready for the stage that day: the demand reaching it. */
  readonly ready: Float64Array
  /** The queue in front of it: its integral over the day, its first moment about the day's start, its size at the day's end. */
  readonly queueArea: Float64Array
  readonly queueMoment: Float64Array
  readonly queueEnd: Float64Array
  /** Time items spent in the stage that day (item·ms). */
  readonly busy: Float64Array
}

/**
 * The window cut into days from its start (the last day may be shorter), with the totals per
 * day that the constraint timeline works on: new items, items done and their lead time, and
 * each work stage's {@link StageDays}.
 *
 * @since 0.1.0
 * @category constraint
 */
export interface DailyTotals {
  readonly window: Window
  readonly days: number
  readonly newItems: Float64Array
  readonly completed: Float64Array
  readonly leadSum: Float64Array
  readonly stages: ReadonlyArray<StageDays>
}

/**
 * The number of days the window is cut into (at least one).
 *
 * @since 0.1.0
 * @category constraint
 */
export const dayCount = (window: Window): number => Math.max(1, Math.ceil((window.to - window.from) / DAY_MS))

/**
 * When day `day` of the window starts.
 *
 * @since 0.1.0
 * @category constraint
 */
export const dayStart = (window: Window, day: number): number => window.from + day * DAY_MS

/**
 * When day `day` of the window ends: the next day's start, or the window's end for the last.
 *
 * @since 0.1.0
 * @category constraint
 */
export const dayEnd = (window: Window, days: number, day: number): number =>
  day === days - 1 ? window.to : window.from + (day + 1) * DAY_MS

const stageDays = (stage: number, days: number): StageDays => ({
  stage,
  visits: new Float64Array(days),
  departures: new Float64Array(days),
  serviceSum: new Float64Array(days),
  waited: new Float64Array(days),
  waitCount: new Float64Array(days),
  waitSum: new Float64Array(days),
  ready: new Float64Array(days),
  queueArea: new Float64Array(days),
  queueMoment: new Float64Array(days),
  queueEnd: new Float64Array(days),
  busy: new Float64Array(days),
})

/**
 * Adds a span `[start, end)` (an open end runs past the window) to the days it covers: its
 * length in each day, and, for a queue, its first moment and whether it still waits at the
 * day's end.
 */
const spread = (
  window: Window,
  days: number,
  start: number,
  end: number,
  area: Float64Array,
  moment?: Float64Array,
  atEnd?: Float64Array,
): void => {
  if (start > window.to || end <= window.from) return
  const a = Math.max(start, window.from)
  const b = Math.min(end, window.to)
  const last = Math.min(Math.floor((b - window.from) / DAY_MS), days - 1)
  for (let day = Math.min(Math.floor((a - window.from) / DAY_MS), days - 1); day <= last; day++) {
    const begins = window.from + day * DAY_MS
    const ends = day === days - 1 ? window.to : begins + DAY_MS
    const x = Math.max(a, begins)
    const y = Math.min(b, ends)
    if (y > x) {
      area[day]! += y - x
      if (moment !== undefined) moment[day]! += ((y - begins) ** 2 - (x - begins) ** 2) / 2
    }
    if (atEnd !== undefined && start <= ends && end > ends) atEnd[day]!++
  }
}

/**
 * Totals per day of the window for the given work stages, from the timelines and the waits: one
 * pass over the stays and one over the waits, after which the timeline never looks at an item
 * again.
 *
 * @since 0.1.0
 * @category constraint
 */
export const dailyTotals = (
  timelines: ReadonlyArray<Timeline>,
  waits: ReadonlyArray<ReadonlyArray<Wait>>,
  window: Window,
  stages: ReadonlyArray<number>,
): DailyTotals => {
  const days = dayCount(window)
  const dayOf = (at: number) => Math.min(Math.floor((at - window.from) / DAY_MS), days - 1)
  const newItems = new Float64Array(days)
  const completed = new Float64Array(days)
  const leadSum = new Float64Array(days)
  const tracked = stages.map((stage) => stageDays(stage, days))
  // By stage position, for the work stages tracked.
  const byStage = new Array<StageDays | undefined>(Math.max(0, ...stages) + 1)
  for (const totals of tracked) byStage[totals.stage] = totals
  for (const timeline of timelines) {
    if (within(window, timeline.firstEnter)) newItems[dayOf(timeline.firstEnter)]!++
    const finished = timeline.doneAt
    const doneDay = finished !== undefined && within(window, finished) ? dayOf(finished) : undefined
    if (doneDay !== undefined) {
      completed[doneDay]!++
      leadSum[doneDay]! += finished! - leadStartOf(timeline)
    }
    for (const { stage, enter, exit } of timeline.intervals) {
      const totals = byStage[stage]
      if (totals === undefined) continue
      if (doneDay !== undefined) totals.visits[doneDay]!++
      // As in the stage metrics: a stay never closed on a finished item is not WIP.
      if (exit === undefined && finished !== undefined) continue
      if (exit !== undefined && within(window, exit)) {
        totals.departures[dayOf(exit)]!++
        totals.serviceSum[dayOf(exit)]! += exit - enter
      }
      spread(window, days, enter, exit ?? Number.POSITIVE_INFINITY, totals.busy)
    }
  }
  for (const totals of tracked) {
    for (const wait of waits[totals.stage] ?? []) {
      const { readyAt, enter, itemDoneAt } = wait
      if (within(window, readyAt)) totals.ready[dayOf(readyAt)]!++
      if (enter !== undefined && itemDoneAt !== undefined && within(window, itemDoneAt)) {
        totals.waited[dayOf(itemDoneAt)]! += enter - readyAt
      }
      if (enter !== undefined && within(window, enter)) {
        totals.waitCount[dayOf(enter)]!++
        totals.waitSum[dayOf(enter)]! += enter - readyAt
      }
      spread(
        window,
        days,
        readyAt,
        enter ?? Number.POSITIVE_INFINITY,
        totals.queueArea,
        totals.queueMoment,
        totals.queueEnd,
      )
    }
  }
  return { window, days, newItems, completed, leadSum, stages: tracked }
}
