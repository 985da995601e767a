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
  /** Time-averaged items in the stage over its concurrency: 1 when it was never idle. */
  readonly busyShare: number
}

/**
 * What one work stage's evidence is computed from over a span of time: the counts and sums that
 * both the whole window ({@link gatherEvidence}) and a period of the constraint timeline gather.
 *
 * @since 0.1.0
 * @category constraint
 */
export interface EvidenceTotals {
  readonly stage: string
  /** The stream's declared capacity of the stage, if any. */
  readonly declared: number | undefined
  /** The most items seen in the stage at one time. */
  readonly peakWip: number
  /** New items per day in the span. */
  readonly newPerDay: number
  /** Items done in the span, and their stays in this stage (its routing). */
  readonly completed: number
  readonly visits: number
  /** Lead time of the items done in the span, and their waits in front of this stage (ms). */
  readonly leadSum: number
  readonly waited: number
  readonly meanServiceSeconds: number
  readonly meanWaitSeconds: number
  readonly avgQueue: number
  readonly queueNow: number
  readonly queueGrowthPerDay: number
  readonly departures: number
  /** Time-averaged number of items in the stage. */
  readonly avgWip: number
}

/**
 * The evidence of one work stage from its totals: concurrency, demand, capacity, utilisation
 * and wait share.
 *
 * @since 0.1.0
 * @category constraint
 */
export const evidenceOf = (totals: EvidenceTotals): StageEvidence => {
  const concurrency = Math.max(totals.declared ?? totals.peakWip, 1)
  const service = totals.meanServiceSeconds
  const routing = totals.completed > 0 ? totals.visits / totals.completed : 1
  const demandPerDay = totals.newPerDay * routing
  const capacityPerDay = service > 0 ? (concurrency * 86_400) / service : Number.POSITIVE_INFINITY
  return {
    stage: totals.stage,
    utilisation: Number.isFinite(capacityPerDay) ? demandPerDay / capacityPerDay : 0,
    concurrency,
    concurrencySource: totals.declared === undefined ? 'observed' : 'stream',
    capacityPerDay,
    demandPerDay,
    waitShare: totals.leadSum > 0 ? totals.waited / totals.leadSum : 0,
    meanWaitSeconds: totals.meanWaitSeconds,
    meanServiceSeconds: service,
    avgQueue: totals.avgQueue,
    queueNow: totals.queueNow,
    queueGrowthPerDay: totals.queueGrowthPerDay,
    departures: totals.departures,
    busyShare: totals.avgWip / concurrency,
  }
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
    evidence.push(
      evidenceOf({
        stage: metrics.name,
        declared: index.stages[stage]!.capacity,
        peakWip: metrics.peakWip,
        newPerDay,
        completed,
        visits: visits[stage]!,
        leadSum,
        waited,
        meanServiceSeconds: metrics.timeInStage.mean,
        meanWaitSeconds: metrics.waitBefore.mean,
        avgQueue: metrics.avgQueue,
        queueNow: metrics.queueNow,
        queueGrowthPerDay: metrics.queueGrowthPerDay,
        departures: metrics.departures,
        avgWip: metrics.avgWip,
      }),
    )
  }
  return evidence
}
