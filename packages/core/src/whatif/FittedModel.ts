import type { Window } from '../metrics/Window.js'
import type { SimStage } from '../simulate/scenario.js'
import type { StreamIndex } from '../stream/StreamIndex.js'
import type { Timeline } from '../timeline/Timeline.js'

const HOUR_MS = 3_600_000

/**
 * A simulation model fitted to observed events: the work stages in flow order, each with its
 * observed service times (resampled), its effective concurrency and its rework rate, and the
 * observed times between arrivals into the stream. Times in hours.
 *
 * @since 0.1.0
 * @category what-if
 */
export interface FittedModel {
  readonly stages: ReadonlyArray<SimStage>
  readonly interarrivalHours: ReadonlyArray<number>
  /**
   * The first stage is saturated: it always has a next item and its people are never idle, so
   * the model pulls from an unlimited backlog instead of replaying the arrivals (a faster first
   * stage then sends more work on).
   */
  readonly saturated: boolean
  /** Arrivals per day over the window, and its trend (arrivals per day gained per day). */
  readonly arrivalsPerDay: number
  readonly arrivalTrendPerDay: number
  readonly days: number
}

/** The most stays of one stage open at once: the effective number of servers. */
const peakConcurrency = (stays: ReadonlyArray<readonly [number, number]>): number => {
  const points: Array<readonly [number, number]> = []
  for (const [enter, exit] of stays) points.push([enter, 1], [exit, -1])
  points.sort((a, b) => a[0] - b[0] || a[1] - b[1])
  let open = 0
  let peak = 0
  for (const [, delta] of points) {
    open += delta
    if (open > peak) peak = open
  }
  return Math.max(peak, 1)
}

/** Waits up to this long (ms) are clock noise between one stage's exit and the next's enter. */
const NO_WAIT_MS = 1000

/**
 * For each stage, whether any item waited in front of it within the window: a stay in its queue
 * stage, or a gap between leaving the previous work stage and entering it.
 */
const waitedBefore = (
  timelines: ReadonlyArray<Timeline>,
  index: StreamIndex,
  window: Window,
): ReadonlyArray<boolean> => {
  const waited = index.stages.map(() => false)
  for (const timeline of timelines) {
    let ready: number | undefined
    for (const interval of timeline.intervals) {
      const k = interval.stage
      if (interval.enter >= window.from && interval.enter <= window.to) {
        if (!index.isWork[k] && k + 1 < index.stages.length) {
          if ((interval.exit ?? window.to) - interval.enter > NO_WAIT_MS) waited[k + 1] = true
        } else if (index.isWork[k] && ready !== undefined && interval.enter - ready > NO_WAIT_MS)
          waited[k] = true
      }
      if (index.isWork[k] && interval.exit !== undefined) ready = interval.exit
    }
  }
  return waited
}

/**
 * How busy a stage is on average, as a share of its most stays open at once, from its first
 * enter to its last exit within the window.
 */
const busyShare = (stays: ReadonlyArray<readonly [number, number]>, window: Window, peak: number): number => {
  let from = Number.POSITIVE_INFINITY
  let to = Number.NEGATIVE_INFINITY
  for (const [enter, exit] of stays) {
    from = Math.min(from, enter)
    to = Math.max(to, exit)
  }
  from = Math.max(from, window.from)
  to = Math.min(to, window.to)
  if (!(to > from)) return 0
  let area = 0
  for (const [enter, exit] of stays) area += Math.max(0, Math.min(exit, to) - Math.max(enter, from))
  return area / (to - from) / peak
}

/** A first stage busy this share of its peak concurrency all along counts as saturated. */
const SATURATED_SHARE = 0.95

/** Least-squares slope of daily arrival counts: arrivals per day gained per day. */
const trendOf = (arrivals: ReadonlyArray<number>, window: Window): number => {
  const days = Math.max(1, Math.ceil((window.to - window.from) / (24 * HOUR_MS)))
  const counts = new Array<number>(days).fill(0)
  for (const at of arrivals) counts[Math.min(days - 1, Math.floor((at - window.from) / (24 * HOUR_MS)))]!++
  const meanX = (days - 1) / 2
  const meanY = arrivals.length / days
  let num = 0
  let den = 0
  counts.forEach((y, x) => {
    num += (x - meanX) * (y - meanY)
    den += (x - meanX) ** 2
  })
  return den === 0 ? 0 : num / den
}

/**
 * Fits a model to timelines: per work stage with finished stays in the window, its service times
 * (the stays' lengths), its servers (the most stays open at once; no limit for a stage after the
 * first that no item ever waited for) and its rework (stays beyond
 * one per item); arrivals are the gaps between items' first appearances. A wait stage right before
 * a work stage, when the data has stays in it, becomes that stage's named queue. A first stage
 * busy at its peak concurrency at least 95% of the time is saturated.
 *
 * @since 0.1.0
 * @category what-if
 */
export const fitModel = (
  timelines: ReadonlyArray<Timeline>,
  index: StreamIndex,
  window: Window,
): FittedModel => {
  const stays = index.stages.map((): Array<readonly [number, number]> => [])
  const visitors = index.stages.map(() => new Set<string>())
  const arrivals: number[] = []
  for (const timeline of timelines) {
    if (timeline.firstEnter >= window.from && timeline.firstEnter <= window.to)
      arrivals.push(timeline.firstEnter)
    for (const interval of timeline.intervals) {
      if (interval.exit === undefined || interval.exit < window.from || interval.enter > window.to) continue
      stays[interval.stage]!.push([interval.enter, interval.exit])
      visitors[interval.stage]!.add(timeline.itemId)
    }
  }
  arrivals.sort((a, b) => a - b)
  const waited = waitedBefore(timelines, index, window)
  const stages: SimStage[] = []
  index.stages.forEach((definition, k) => {
    if (!index.isWork[k] || k === index.done || stays[k]!.length === 0) return
    const observedQueue = k > 0 && !index.isWork[k - 1] && k - 1 !== index.done && stays[k - 1]!.length > 0
    const before = observedQueue ? index.stages[k - 1]!.name : undefined
    const rework = 1 - visitors[k]!.size / stays[k]!.length
    // A stage nothing ever waited for (after the first) showed no limit on how many it takes at
    // once: its peak overlap is only what the arrivals happened to bring.
    const unlimited = stages.length > 0 && !waited[k]
    stages.push({
      name: definition.name,
      servers: unlimited ? Number.POSITIVE_INFINITY : peakConcurrency(stays[k]!),
      service: { kind: 'empirical', samples: stays[k]!.map(([enter, exit]) => (exit - enter) / HOUR_MS) },
      ...(before === undefined ? {} : { queue: before }),
      ...(rework > 0 ? { failureRate: rework } : {}),
    })
  })
  const first = stages[0]
  const firstStays = first === undefined ? [] : stays[index.positionOf.get(first.name)!]!
  const saturated = first !== undefined && busyShare(firstStays, window, first.servers) >= SATURATED_SHARE
  const gaps: number[] = []
  for (let i = 1; i < arrivals.length; i++) gaps.push((arrivals[i]! - arrivals[i - 1]!) / HOUR_MS)
  const days = Math.max((window.to - window.from) / (24 * HOUR_MS), 1 / 24)
  return {
    stages,
    interarrivalHours: gaps,
    saturated,
    arrivalsPerDay: arrivals.length / days,
    arrivalTrendPerDay: trendOf(arrivals, window),
    days,
  }
}
