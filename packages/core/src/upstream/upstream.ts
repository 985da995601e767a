import { formatDuration, formatPercent } from '../format/duration.js'
import type { HintValue } from '../ingest/ItemHints.js'
import type { Window } from '../metrics/Window.js'
import type { StreamIndex } from '../stream/StreamIndex.js'
import type { Timeline } from '../timeline/Timeline.js'
import { abandonment } from './abandonment.js'
import { failureDemand } from './failureDemand.js'
import { rework } from './rework.js'
import { timeToClarity } from './timeToClarity.js'
import { defaultUpstream, type UpstreamOptions } from './UpstreamOptions.js'
import type { UpstreamProblem, UpstreamReport } from './UpstreamReport.js'

/**
 * The upstream signals of the timelines over the window, and the problems they name next to the
 * constraint (`constraint`: the stage named, or `null`): each signal at or above its threshold,
 * once at least `thresholds.minCompleted` items were done, gives a sentence such as "30% of
 * finished work is fixing earlier work: the constraint is upstream of review".
 *
 * @since 0.1.0
 * @category upstream
 */
export const upstreamSignals = (
  timelines: ReadonlyArray<Timeline>,
  index: StreamIndex,
  window: Window,
  attributeOf: (itemId: string, name: string) => HintValue | undefined,
  constraint: string | null,
  options: UpstreamOptions = defaultUpstream,
): UpstreamReport => {
  const failure = failureDemand(timelines, window, attributeOf, options.failureDemand)
  const sentBack = rework(timelines, index, window)
  const dropped = abandonment(timelines, window)
  const clarity = timeToClarity(timelines, index, window, options.clarityStages)
  const { thresholds } = options
  const where = `the constraint is upstream of ${constraint ?? 'the code'}`
  const problems: UpstreamProblem[] = []
  if (failure.completed >= thresholds.minCompleted) {
    if (failure.share !== null && failure.share >= thresholds.failureDemand) {
      problems.push({
        signal: 'failure-demand',
        value: failure.share,
        threshold: thresholds.failureDemand,
        sentence: `${formatPercent(failure.share)} of finished work is fixing earlier work: ${where}.`,
      })
    }
    if (sentBack.perCompletedItem !== null && sentBack.perCompletedItem >= thresholds.reworkPerItem) {
      problems.push({
        signal: 'rework',
        value: sentBack.perCompletedItem,
        threshold: thresholds.reworkPerItem,
        sentence: `Finished items were sent back ${sentBack.perCompletedItem.toFixed(1)} times each: ${where}.`,
      })
    }
    if (dropped.share !== null && dropped.share >= thresholds.abandonment) {
      problems.push({
        signal: 'abandonment',
        value: dropped.share,
        threshold: thresholds.abandonment,
        sentence: `${formatPercent(dropped.share)} of the work that ended was dropped, after a mean ${formatDuration(dropped.meanSpentSeconds ?? 0)} spent on it: ${where}.`,
      })
    }
    if (clarity.share !== null && clarity.share >= thresholds.clarityShare) {
      problems.push({
        signal: 'time-to-clarity',
        value: clarity.share,
        threshold: thresholds.clarityShare,
        sentence: `${formatPercent(clarity.share)} of the time of finished items went waiting for clarity (${clarity.stages.join(', ')}): ${where}.`,
      })
    }
  }
  return { failureDemand: failure, rework: sentBack, abandonment: dropped, timeToClarity: clarity, problems }
}
