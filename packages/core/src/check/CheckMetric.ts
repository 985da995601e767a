import type { FlowReport } from '../analysis/FlowReport.js'
import type { Summary } from '../metrics/percentile.js'
import type { StageMetrics } from '../metrics/stages.js'

/**
 * What a checked figure measures, which decides how its limit is written: a duration (`5d`,
 * `12h`, `30m`, `90s`, or seconds), a rate per day (`0.5/d`, `3/w`), a share (`0.2` or `20%`),
 * or a count (`8`).
 *
 * @since 0.1.0
 * @category check
 */
export type MetricKind = 'duration' | 'rate' | 'share' | 'count'

/**
 * A figure of the report a threshold can hold: its kind, and how to read it from a report
 * (`null` when the report cannot measure it: nothing was done in the window, no production
 * deployment).
 *
 * @since 0.1.0
 * @category check
 */
export interface CheckMetric {
  readonly kind: MetricKind
  readonly read: (report: FlowReport) => number | null
}

const STATISTICS = ['p50', 'p85', 'p95', 'mean'] as const
type Statistic = (typeof STATISTICS)[number]

const statistic = (summary: Summary | null | undefined, which: Statistic): number | null =>
  summary === null || summary === undefined || summary.count === 0 ? null : summary[which]

/** Figures of the whole report, by name; `.p50` and the like follow the summaries' names. */
const WHOLE: ReadonlyArray<readonly [string, CheckMetric]> = [
  ...STATISTICS.flatMap((which) => [
    [
      `lead-time.${which}`,
      { kind: 'duration', read: (r: FlowReport) => statistic(r.leadTime, which) },
    ] as const,
    [
      `cycle-time.${which}`,
      { kind: 'duration', read: (r: FlowReport) => statistic(r.cycleTime, which) },
    ] as const,
    [
      `lead-time-for-changes.${which}`,
      { kind: 'duration', read: (r: FlowReport) => statistic(r.dora?.leadTimeForChanges, which) },
    ] as const,
    [
      `recovery-time.${which}`,
      { kind: 'duration', read: (r: FlowReport) => statistic(r.dora?.failedDeploymentRecoveryTime, which) },
    ] as const,
  ]),
  ['wip', { kind: 'count', read: (r) => r.items.inProgress }],
  ['throughput', { kind: 'rate', read: (r) => r.throughputPerDay }],
  ['flow-efficiency', { kind: 'share', read: (r) => r.flowEfficiency }],
  ['failure-demand', { kind: 'share', read: (r) => r.upstream.failureDemand.share }],
  ['rework', { kind: 'count', read: (r) => r.upstream.rework.perCompletedItem }],
  ['abandonment', { kind: 'share', read: (r) => r.upstream.abandonment.share }],
  ['deployment-frequency', { kind: 'rate', read: (r) => r.dora?.deploymentFrequencyPerDay ?? null }],
  ['change-failure-rate', { kind: 'share', read: (r) => r.dora?.changeFailureRate ?? null }],
]

/** Figures of one stage, `NAME.STAGE` (`wip.review`) or `NAME.STAGE.STAT` (`time-in-stage.review.p85`). */
const PER_STAGE: ReadonlyArray<readonly [string, MetricKind, (stage: StageMetrics) => number | null]> = [
  ['wip', 'count', (stage) => stage.wipNow],
  ['queue', 'count', (stage) => stage.queueNow],
  ['queue-growth', 'rate', (stage) => stage.queueGrowthPerDay],
  ['throughput', 'rate', (stage) => stage.throughputPerDay],
  ...STATISTICS.map(
    (which) =>
      [
        `time-in-stage.*.${which}`,
        'duration',
        (stage: StageMetrics) => statistic(stage.timeInStage, which),
      ] as const,
  ),
  ...STATISTICS.map(
    (which) =>
      [`wait.*.${which}`, 'duration', (stage: StageMetrics) => statistic(stage.waitBefore, which)] as const,
  ),
]

/**
 * Every metric name `herbie check` knows, with `STAGE` where a stage name goes.
 *
 * @since 0.1.0
 * @category check
 */
export const CHECK_METRICS: ReadonlyArray<string> = [
  ...WHOLE.map(([name]) => name),
  ...PER_STAGE.map(([name]) => (name.includes('*') ? name.replace('*', 'STAGE') : `${name}.STAGE`)),
]

const whole = new Map(WHOLE)

/**
 * The metric a name means (`lead-time.p85`, `wip.review`, `time-in-stage.review.p85`), given the
 * report's stage names; a message naming what is wrong (an unknown metric, listing the known
 * ones; a stage the stream does not have, listing its stages) otherwise.
 *
 * @since 0.1.0
 * @category check
 */
export const checkMetric = (
  name: string,
  stages: ReadonlyArray<string>,
): { readonly metric: CheckMetric } | { readonly problem: string } => {
  const known = whole.get(name)
  if (known !== undefined) return { metric: known }
  for (const [pattern, kind, read] of PER_STAGE) {
    const [head, tail] = pattern.includes('*') ? pattern.split('*') : [`${pattern}.`, '']
    if (!name.startsWith(head!) || !name.endsWith(tail!) || name.length <= head!.length + tail!.length)
      continue
    const stage = name.slice(head!.length, name.length - tail!.length)
    if (!stages.includes(stage)) {
      return {
        problem: `${name}: the stream has no stage ${JSON.stringify(stage)} (its stages: ${stages.join(', ')})`,
      }
    }
    return {
      metric: {
        kind,
        read: (report) => {
          const found = report.stages.find((candidate) => candidate.name === stage)
          return found === undefined ? null : read(found)
        },
      },
    }
  }
  return { problem: `${name}: no such metric (known: ${CHECK_METRICS.join(', ')})` }
}
