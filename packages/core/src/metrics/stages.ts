import type { StreamIndex } from '../stream/StreamIndex.js'
import type { Activity } from '../stream/ValueStream.js'
import type { Timeline } from '../timeline/Timeline.js'
import { type Summary, summarizeMillis } from './percentile.js'
import { queueStats } from './queue.js'
import { overlap, type Window, windowDays, within } from './Window.js'
import type { Wait } from './waits.js'

/**
 * Flow metrics of one stage over a window. Durations in seconds.
 *
 * @since 0.1.0
 * @category metrics
 */
export interface StageMetrics {
  readonly name: string
  readonly activity: Activity
  readonly arrivals: number
  /** Arrivals that are an item's second or later stay in the stage: rework (a re-run, changes requested). */
  readonly rework: number
  readonly departures: number
  readonly throughputPerDay: number
  /** Time-averaged number of items in the stage over the window. */
  readonly avgWip: number
  /** Items in the stage at the window's end. */
  readonly wipNow: number
  /** Most items in the stage at one time within the window. */
  readonly peakWip: number
  /** Time in stage of the stays that ended in the window. */
  readonly timeInStage: Summary
  /** Wait in front of the stage (explicit queue stages and implicit gaps) of the arrivals in the window. */
  readonly waitBefore: Summary
  /** Time-averaged number of items waiting in front of the stage. */
  readonly avgQueue: number
  /** Items waiting in front of the stage at the window's end. */
  readonly queueNow: number
  /** Least-squares trend of the queue in front of the stage, items per day. */
  readonly queueGrowthPerDay: number
  /** |avg WIP − throughput × mean time in stage| / avg WIP: 0 when Little's law holds exactly. */
  readonly littleLawDeviation: number
}

const peakOf = (
  startTimes: ReadonlyArray<number>,
  endTimes: ReadonlyArray<number>,
  initial: number,
): number => {
  // Typed arrays sort numerically in native code, far faster than a comparator.
  const starts = Float64Array.from(startTimes).sort()
  const ends = Float64Array.from(endTimes).sort()
  let peak = initial
  let current = initial
  let j = 0
  for (const start of starts) {
    while (j < ends.length && ends[j]! <= start) {
      current--
      j++
    }
    current++
    if (current > peak) peak = current
  }
  return peak
}

/**
 * Metrics for every stage of the stream except a terminal done stage that is a wait (being done
 * is not a queue).
 *
 * @since 0.1.0
 * @category metrics
 */
export const stageMetrics = (
  timelines: ReadonlyArray<Timeline>,
  index: StreamIndex,
  waits: ReadonlyArray<ReadonlyArray<Wait>>,
  window: Window,
): ReadonlyArray<StageMetrics> => {
  const count = index.stages.length
  const arrivals = new Array<number>(count).fill(0)
  const rework = new Array<number>(count).fill(0)
  // Which stages the current item has visited; reset after each item.
  const visited = new Uint8Array(count)
  const busy = new Array<number>(count).fill(0)
  const wipNow = new Array<number>(count).fill(0)
  const atStart = new Array<number>(count).fill(0)
  const durations: number[][] = index.stages.map(() => [])
  const starts: number[][] = index.stages.map(() => [])
  const ends: number[][] = index.stages.map(() => [])
  for (const timeline of timelines) {
    const finished = timeline.doneAt
    for (const interval of timeline.intervals) {
      const { stage, enter, exit } = interval
      // A stay never closed on a finished item is reported by the fold, not counted as WIP.
      if (exit === undefined && finished !== undefined && stage !== index.done) continue
      const again = visited[stage] === 1
      visited[stage] = 1
      if (within(window, enter)) {
        arrivals[stage]!++
        if (again) rework[stage]!++
        starts[stage]!.push(enter)
      } else if (enter < window.from && (exit === undefined || exit > window.from)) atStart[stage]!++
      if (exit !== undefined && within(window, exit)) {
        durations[stage]!.push(exit - enter)
        if (enter <= window.to) ends[stage]!.push(exit)
      }
      busy[stage]! += overlap(window, enter, exit)
      if (enter <= window.to && (exit === undefined || exit > window.to)) wipNow[stage]!++
    }
    for (const interval of timeline.intervals) visited[interval.stage] = 0
  }
  const span = Math.max(window.to - window.from, 1)
  const days = windowDays(window)
  const result: StageMetrics[] = []
  for (let stage = 0; stage < count; stage++) {
    const definition = index.stages[stage]!
    if (stage === index.done && definition.activity === 'wait') continue
    const departures = durations[stage]!.length
    const timeInStage = summarizeMillis(durations[stage]!)
    const avgWip = busy[stage]! / span
    const little = (departures / span) * timeInStage.mean * 1000
    const stageWaits = waits[stage] ?? []
    const arrived: number[] = []
    for (const wait of stageWaits) {
      if (wait.enter !== undefined && within(window, wait.enter)) arrived.push(wait.enter - wait.readyAt)
    }
    const queue = queueStats(stageWaits, window)
    result.push({
      name: definition.name,
      activity: definition.activity,
      arrivals: arrivals[stage]!,
      rework: rework[stage]!,
      departures,
      throughputPerDay: departures / days,
      avgWip,
      wipNow: wipNow[stage]!,
      peakWip: peakOf(starts[stage]!, ends[stage]!, atStart[stage]!),
      timeInStage,
      waitBefore: summarizeMillis(arrived),
      avgQueue: queue.avg,
      queueNow: queue.now,
      queueGrowthPerDay: queue.growthPerDay,
      littleLawDeviation: avgWip > 0 ? Math.abs(avgWip - little) / avgWip : 0,
    })
  }
  return result
}
