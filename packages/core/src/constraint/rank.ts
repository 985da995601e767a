import { formatDuration, formatPercent } from '../format/duration.js'
import type { StageEvidence } from './evidence.js'

/**
 * One work stage's place in the constraint ranking. `score` is relative to the top stage (1).
 *
 * @since 0.1.0
 * @category constraint
 */
export interface RankedStage {
  readonly stage: string
  readonly score: number
  readonly utilisation: number
  readonly waitShare: number
  readonly queueGrowthPerDay: number
}

/**
 * The constraint of the stream: the work stage whose capacity is smallest relative to the demand
 * on it, with the ranking of all work stages, a confidence in [0, 1], the evidence in sentences,
 * and the stages not worth speeding up with the reason. When the data cannot name one, `stage`
 * is `null` and `missing` says what is missing.
 *
 * @since 0.1.0
 * @category constraint
 */
export interface ConstraintReport {
  readonly stage: string | null
  /** Why no stage is named (too few items done, no loaded stage); `null` when one is. */
  readonly missing: string | null
  readonly confidence: number
  readonly ranking: ReadonlyArray<RankedStage>
  readonly evidence: ReadonlyArray<string>
  readonly notToOptimise: ReadonlyArray<{ readonly stage: string; readonly reason: string }>
}

const MIN_DEPARTURES = 30

/**
 * Items that must be done in the window before a constraint is named: below it, the queueing
 * evidence is noise.
 *
 * @since 0.1.0
 * @category constraint
 */
export const MIN_DONE_FOR_CONSTRAINT = 30

/** Below this confidence the evidence singles out no stage. */
const MIN_CONFIDENCE = 0.05

/**
 * The busy share from which a stage counts as saturated: its servers were never idle.
 *
 * @since 0.1.0
 * @category constraint
 */
export const SATURATED_BUSY_SHARE = 0.99

/**
 * The share of lead time taken to wait for a stage. A saturated stage (busy at least
 * {@link SATURATED_BUSY_SHARE} of the time) always had work waiting for it, even where the data
 * cannot show the wait (developers pulling from a backlog that has no events): its share is at
 * least the largest any stage shows (`largest`).
 *
 * @since 0.1.0
 * @category constraint
 */
export const effectiveWaitShare = (evidence: StageEvidence, largest: number): number =>
  evidence.busyShare >= SATURATED_BUSY_SHARE ? Math.max(evidence.waitShare, largest) : evidence.waitShare

/**
 * The raw score of a stage: its load (demand over capacity, capped at 2) first, then the share of
 * lead time spent waiting for it (`waitShare`, its own unless given), then the growth of its
 * queue relative to its demand. A long stage that works on many items at once has a low load and
 * no queue; a short stage with no queue has a low load: neither scores high.
 *
 * @since 0.1.0
 * @category constraint
 */
export const constraintScore = (evidence: StageEvidence, waitShare = evidence.waitShare): number => {
  const growth = evidence.demandPerDay > 0 ? evidence.queueGrowthPerDay / evidence.demandPerDay : 0
  return Math.min(evidence.utilisation, 2) + 0.5 * waitShare + Math.min(Math.max(growth, 0), 0.5)
}

const clamp01 = (value: number): number => Math.min(1, Math.max(0, value))

const sentences = (top: StageEvidence, after: ReadonlyArray<StageEvidence>): string[] => {
  const lines = [
    top.busyShare >= SATURATED_BUSY_SHARE && top.waitShare === 0
      ? `${top.stage} was never idle (${formatPercent(top.busyShare)} busy, ${top.concurrency} at a time): work always waited for it, in a backlog the events do not show.`
      : `${formatPercent(top.waitShare)} of lead time is spent waiting for ${top.stage} (a mean wait of ${formatDuration(top.meanWaitSeconds)} before it starts).`,
    top.queueGrowthPerDay > 0.05
      ? `The queue in front of ${top.stage} grows by ${top.queueGrowthPerDay.toFixed(1)} items per day (${top.queueNow} waiting at the end, ${top.avgQueue.toFixed(1)} on average).`
      : `${top.avgQueue.toFixed(1)} items wait in front of ${top.stage} on average; the queue is not growing.`,
    `${top.stage} is loaded at ${formatPercent(top.utilisation)} of its capacity: ${top.demandPerDay.toFixed(1)} items per day need it and it can finish about ${top.capacityPerDay.toFixed(1)} (${top.concurrency} at a time, a mean ${formatDuration(top.meanServiceSeconds)} each).`,
  ]
  if (after.length > 0) {
    const busiest = Math.max(...after.map((stage) => stage.utilisation))
    lines.push(
      `The stages after it (${after.map((stage) => stage.stage).join(', ')}) are loaded at ${formatPercent(busiest)} or less: they wait for work.`,
    )
  }
  return lines
}

const notWorthIt = (stage: StageEvidence, longest: StageEvidence, constraint: StageEvidence): string => {
  if (stage.utilisation >= 0.9 && stage.waitShare < constraint.waitShare / 4) {
    return `${stage.stage} is busy (${formatPercent(stage.utilisation)} loaded) but only ${formatPercent(stage.waitShare)} of lead time waits for it: more of its output would wait in front of ${constraint.stage}.`
  }
  const because =
    stage === longest
      ? `takes the longest (a mean ${formatDuration(stage.meanServiceSeconds)} each) but`
      : `takes a mean ${formatDuration(stage.meanServiceSeconds)} each and`
  return `${stage.stage} ${because} is loaded at ${formatPercent(stage.utilisation)} with ${formatPercent(stage.waitShare)} of lead time waiting for it: making it faster will not ship more.`
}

const unnamed = (missing: string, ranking: ReadonlyArray<RankedStage> = []): ConstraintReport => ({
  stage: null,
  missing,
  confidence: 0,
  ranking,
  evidence: [],
  notToOptimise: [],
})

const doneSentence = (completed: number): string =>
  completed === 0
    ? `No item was done in the window; at least ${MIN_DONE_FOR_CONSTRAINT} are needed to name a constraint.`
    : `${completed} ${completed === 1 ? 'item' : 'items'} done; at least ${MIN_DONE_FOR_CONSTRAINT} are needed to name a constraint.`

/**
 * Ranks the work stages and names the constraint. No stage is named (`stage: null`, with the
 * reason in `missing`) when fewer than {@link MIN_DONE_FOR_CONSTRAINT} items were done in the
 * window, when no work stage saw any item, or when the evidence singles out none.
 *
 * @since 0.1.0
 * @category constraint
 */
export const rankConstraint = (
  evidence: ReadonlyArray<StageEvidence>,
  completed: number,
): ConstraintReport => {
  const largest = Math.max(0, ...evidence.map((stage) => stage.waitShare))
  const scored = evidence
    .map((stage, order) => ({
      stage,
      order,
      raw: constraintScore(stage, effectiveWaitShare(stage, largest)),
    }))
    .sort((a, b) => b.raw - a.raw || a.order - b.order)
  const first = scored[0]
  if (first === undefined || first.raw <= 0) {
    return unnamed(
      completed < MIN_DONE_FOR_CONSTRAINT
        ? doneSentence(completed)
        : 'No work stage holds enough evidence (no stay, no wait) to name a constraint.',
    )
  }
  const ranking = scored.map(({ stage, raw }) => ({
    stage: stage.stage,
    score: raw / first.raw,
    utilisation: stage.utilisation,
    waitShare: stage.waitShare,
    queueGrowthPerDay: stage.queueGrowthPerDay,
  }))
  // Too few items done: the ranking is shown, no stage is named.
  if (completed < MIN_DONE_FOR_CONSTRAINT) return unnamed(doneSentence(completed), ranking)
  const second = scored[1]
  const margin = second === undefined ? 1 : (first.raw - second.raw) / first.raw
  const volume = Math.min(1, first.stage.departures / MIN_DEPARTURES)
  const loaded = Math.min(1, first.stage.utilisation / 0.7)
  const confidence = clamp01(volume * loaded * clamp01(0.3 + 1.4 * margin))
  if (confidence < MIN_CONFIDENCE) {
    return unnamed(
      `No stage stands out: the busiest, ${first.stage.stage}, is loaded at ${formatPercent(first.stage.utilisation)} of its capacity with ${first.stage.departures} stays, too little to limit the stream.`,
      ranking,
    )
  }
  const after = evidence.filter((_, order) => order > first.order)
  const others = scored.slice(1).map((entry) => entry.stage)
  const longest = others.reduce<StageEvidence | undefined>(
    (best, stage) =>
      best === undefined || stage.meanServiceSeconds > best.meanServiceSeconds ? stage : best,
    undefined,
  )
  return {
    stage: first.stage.stage,
    missing: null,
    confidence,
    ranking,
    evidence: sentences(first.stage, after),
    notToOptimise:
      longest === undefined
        ? []
        : others.map((stage) => ({ stage: stage.stage, reason: notWorthIt(stage, longest, first.stage) })),
  }
}
