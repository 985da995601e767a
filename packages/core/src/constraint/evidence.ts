import type { StageMetrics } from '../metrics/stages.js'
import { type Window, windowDays, within } from '../metrics/Window.js'
import type { Wait } from '../metrics/waits.js'
import type { StreamIndex } from '../stream/StreamIndex.js'
import { leadStartOf, type Timeline } from '../timeline/Timeline.js'

/**
 * The queueing evidence about one work stage that constraint detection weighs.
 *
 * @since 0.1.0
 * @category constraint
 */
export interface StageEvidence {
  readonly stage: string
  /** Demand on the stage times its mean service time over its concurrency; above 1 it cannot keep up. */
  readonly utilisation: number
  /** How many items it works on at once: the stream's capacity, or the most seen at one time. */
  readonly concurrency: number
  readonly concurrencySource: 'stream' | 'observed'
  /** Items per day the stage can finish at its concurrency and mean service time. */
  readonly capacityPerDay: number
  /** Items per day that need the stage (new items per day times visits per finished item). */
  readonly demandPerDay: number
  /** Share of the lead time of finished items spent waiting in front of the stage. */
  readonly waitShare: number
  readonly meanWaitSeconds: number
  readonly meanServiceSeconds: number
  readonly avgQueue: number
  readonly queueNow: number
  readonly queueGrowthPerDay: number
  readonly departures: number
}

/**
 * Gathers the evidence for every work stage from the stage metrics, the waits and the timelines.
 *
 * @since 0.1.0
 * @category constraint
 */
export const gatherEvidence = (
  timelines: ReadonlyArray<Timeline>,
  index: StreamIndex,
  stages: ReadonlyArray<StageMetrics>,
  waits: ReadonlyArray<ReadonlyArray<Wait>>,
  window: Window,
): ReadonlyArray<StageEvidence> => {
  let newItems = 0
  let completed = 0
  let leadSum = 0
  const visits = new Array<number>(index.stages.length).fill(0)
  for (const timeline of timelines) {
    if (within(window, timeline.firstEnter)) newItems++
    if (timeline.doneAt === undefined || !within(window, timeline.doneAt)) continue
    completed++
    leadSum += timeline.doneAt - leadStartOf(timeline)
    for (const interval of timeline.intervals) visits[interval.stage]!++
  }
  const newPerDay = newItems / windowDays(window)
  const evidence: StageEvidence[] = []
  for (const metrics of stages) {
    // A work stage nothing passed through has no evidence to give.
    if (metrics.activity !== 'work' || metrics.arrivals + metrics.departures + metrics.wipNow === 0) continue
    const stage = index.positionOf.get(metrics.name)!
    let waited = 0
    for (const wait of waits[stage] ?? []) {
      if (wait.enter !== undefined && wait.itemDoneAt !== undefined && within(window, wait.itemDoneAt)) {
        waited += wait.enter - wait.readyAt
      }
    }
    const declared = index.stages[stage]!.capacity
    const concurrency = Math.max(declared ?? metrics.peakWip, 1)
    const service = metrics.timeInStage.mean
    const routing = completed > 0 ? visits[stage]! / completed : 1
    const demandPerDay = newPerDay * routing
    const capacityPerDay = service > 0 ? (concurrency * 86_400) / service : Number.POSITIVE_INFINITY
    evidence.push({
      stage: metrics.name,
      utilisation: Number.isFinite(capacityPerDay) ? demandPerDay / capacityPerDay : 0,
      concurrency,
      concurrencySource: declared === undefined ? 'observed' : 'stream',
      capacityPerDay,
      demandPerDay,
      waitShare: leadSum > 0 ? waited / leadSum : 0,
      meanWaitSeconds: metrics.waitBefore.mean,
      meanServiceSeconds: service,
      avgQueue: metrics.avgQueue,
      queueNow: metrics.queueNow,
      queueGrowthPerDay: metrics.queueGrowthPerDay,
      departures: metrics.departures,
    })
  }
  return evidence
}
