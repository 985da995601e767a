import type { FlowReport } from '../analysis/FlowReport.js'
import { checkMetric, type MetricKind } from './CheckMetric.js'
import { limitValue } from './limitValue.js'

/**
 * A threshold as given: a bound on a metric (`max lead-time.p85 5d`, `min flow-efficiency 0.2`).
 *
 * @since 0.1.0
 * @category check
 */
export interface ThresholdText {
  readonly bound: 'max' | 'min'
  readonly metric: string
  readonly limit: string
  /** Where it was given, for messages: `--max` by default, or a config file's field. */
  readonly source?: string
}

/**
 * A threshold understood against a report: its metric's kind and the limit in the report's unit
 * (seconds, per day, a share, a count).
 *
 * @since 0.1.0
 * @category check
 */
export interface Threshold extends ThresholdText {
  readonly kind: MetricKind
  readonly value: number
}

/**
 * One threshold's verdict: the measured value (`null` when the report cannot measure it, which
 * breaks the threshold: a gate fails closed), whether it broke, and by how much (measured minus
 * limit for `max`, limit minus measured for `min`; `null` when not measured).
 *
 * @since 0.1.0
 * @category check
 */
export interface ThresholdResult {
  readonly threshold: Threshold
  readonly measured: number | null
  readonly breached: boolean
  readonly by: number | null
}

/**
 * Parses `METRIC=LIMIT` (the form of `--max` and `--min`) into a {@link ThresholdText}, or a
 * message naming the option and what is wrong.
 *
 * @since 0.1.0
 * @category check
 */
export const parseThreshold = (
  bound: 'max' | 'min',
  text: string,
): ThresholdText | { readonly problem: string } => {
  const equals = text.indexOf('=')
  if (equals <= 0 || equals === text.length - 1)
    return { problem: `--${bound} ${JSON.stringify(text)}: write METRIC=LIMIT, e.g. lead-time.p85=5d` }
  return { bound, metric: text.slice(0, equals).trim(), limit: text.slice(equals + 1).trim() }
}

/**
 * Checks thresholds against a report: every problem (an unknown metric or stage, a limit of the
 * wrong form) is reported at once, each naming the threshold; otherwise a verdict per threshold
 * in the order given.
 *
 * @since 0.1.0
 * @category check
 */
export const checkThresholds = (
  report: FlowReport,
  thresholds: ReadonlyArray<ThresholdText>,
): { readonly results: ReadonlyArray<ThresholdResult> } | { readonly problems: ReadonlyArray<string> } => {
  const stages = report.stages.map((stage) => stage.name)
  const problems: string[] = []
  const results: ThresholdResult[] = []
  for (const given of thresholds) {
    const found = checkMetric(given.metric, stages)
    const source = given.source ?? `--${given.bound}`
    if ('problem' in found) {
      problems.push(`${source} ${found.problem}`)
      continue
    }
    const value = limitValue(found.metric.kind, given.limit)
    if (typeof value !== 'number') {
      problems.push(`${source} ${given.metric}: ${value.problem}`)
      continue
    }
    const measured = found.metric.read(report)
    const by = measured === null ? null : given.bound === 'max' ? measured - value : value - measured
    results.push({
      threshold: { ...given, kind: found.metric.kind, value },
      measured,
      breached: by === null || by > 0,
      by,
    })
  }
  return problems.length > 0 ? { problems } : { results }
}
