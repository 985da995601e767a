import type { StreamIndex } from '../stream/StreamIndex.js'
import type { Interval, Timeline } from '../timeline/Timeline.js'

/**
 * A time an item spent waiting for a stage: from when it became ready for it (it left the last
 * work stage before it, or appeared) until it entered, or `undefined` while it still waits.
 * Explicit queue stages and implicit gaps between stages both count.
 *
 * @since 0.1.0
 * @category metrics
 */
export interface Wait {
  readonly stage: number
  readonly readyAt: number
  readonly enter: number | undefined
  /** When the waiting item was done, if it was. */
  readonly itemDoneAt: number | undefined
}

/**
 * When the item became ready for `stage` as seen at time `at`. On a first visit: the latest exit,
 * no later than `at`, of a work stay in that stage or one before it in the stream (a CI run
 * beside review does not shorten the wait for review). On a return (review after changes were
 * requested, develop after a failed review): the latest exit of any work stay. Without such an
 * exit: the item's first enter.
 *
 * @since 0.1.0
 * @category metrics
 */
export const readyAt = (
  timeline: Timeline,
  index: StreamIndex,
  stage: number,
  at: number,
  self?: Interval,
): number => {
  let revisit = false
  for (const other of timeline.intervals) {
    if (other !== self && other.stage === stage && other.enter < at) revisit = true
  }
  let ready = timeline.firstEnter
  for (const other of timeline.intervals) {
    if (other === self || other.exit === undefined || !index.isWork[other.stage]) continue
    if ((revisit || other.stage <= stage) && other.exit <= at && other.exit > ready) ready = other.exit
  }
  return Math.min(ready, at)
}

/**
 * The first work stage after `after` in the stream, before the done stage; undefined when none.
 *
 * @since 0.1.0
 * @category metrics
 */
export const nextWorkStage = (index: StreamIndex, after: number): number | undefined => {
  for (let stage = after + 1; stage < index.stages.length; stage++) {
    if (stage === index.done) return undefined
    if (index.isWork[stage]) return stage
  }
  return undefined
}

/**
 * The work stage an unfinished item waits for at the end of the data, if any: the one after the
 * queue stage it sits in, or after the stage it last left when it sits nowhere.
 */
const openWaitStage = (timeline: Timeline, index: StreamIndex): number | undefined => {
  let lastExit: Interval | undefined
  let openQueue: Interval | undefined
  for (const interval of timeline.intervals) {
    if (interval.exit === undefined) {
      if (index.isWork[interval.stage]) return undefined
      if (interval.stage !== index.done) openQueue = interval
    } else if (lastExit === undefined || interval.exit >= (lastExit.exit ?? 0)) lastExit = interval
  }
  if (openQueue !== undefined) return nextWorkStage(index, openQueue.stage)
  return lastExit === undefined ? undefined : nextWorkStage(index, lastExit.stage)
}

/**
 * Every wait of every item, closed and still open, grouped by the stage waited for.
 *
 * @since 0.1.0
 * @category metrics
 */
export const collectWaits = (
  timelines: ReadonlyArray<Timeline>,
  index: StreamIndex,
): ReadonlyArray<Wait[]> => {
  const waits: Wait[][] = index.stages.map(() => [])
  for (const timeline of timelines) {
    for (const interval of timeline.intervals) {
      if (interval.stage === index.done) continue
      const ready = readyAt(timeline, index, interval.stage, interval.enter, interval)
      waits[interval.stage]!.push({
        stage: interval.stage,
        readyAt: ready,
        enter: interval.enter,
        itemDoneAt: timeline.doneAt,
      })
    }
    // A done or dropped item waits for nothing.
    if (timeline.doneAt !== undefined || timeline.abandonedAt !== undefined) continue
    const waitingFor = openWaitStage(timeline, index)
    if (waitingFor !== undefined) {
      const ready = readyAt(timeline, index, waitingFor, Number.POSITIVE_INFINITY)
      waits[waitingFor]!.push({ stage: waitingFor, readyAt: ready, enter: undefined, itemDoneAt: undefined })
    }
  }
  return waits
}
