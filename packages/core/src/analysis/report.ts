import { gatherEvidence } from '../constraint/evidence.js'
import { rankConstraint } from '../constraint/rank.js'
import { constraintTimeline } from '../constraint/timeline/timeline.js'
import type { CorrelationSummary } from '../correlate/Correlation.js'
import type { HintValue } from '../ingest/ItemHints.js'
import { agingWip } from '../metrics/aging.js'
import { doraMetrics } from '../metrics/dora.js'
import { itemMetrics } from '../metrics/items.js'
import { stageMetrics } from '../metrics/stages.js'
import { type Window, windowDays } from '../metrics/Window.js'
import { collectWaits } from '../metrics/waits.js'
import type { StreamIndex } from '../stream/StreamIndex.js'
import type { DoneRuleSummary } from '../timeline/doneRules.js'
import type { Timeline } from '../timeline/Timeline.js'
import type { UpstreamOptions } from '../upstream/UpstreamOptions.js'
import { upstreamSignals } from '../upstream/upstream.js'
import type { FlowReport } from './FlowReport.js'

const LITTLE_TOLERANCE = 0.25
const LITTLE_MIN_DEPARTURES = 20

/**
 * Counts about the input that the report carries.
 *
 * @since 0.1.0
 * @category analysis
 */
export type InputCounts = FlowReport['input']

/**
 * What the report needs beyond the timelines: what correlation did and the deployments it set
 * aside, the attributes of each work item (for the upstream signals), and the upstream options.
 *
 * @since 0.1.0
 * @category analysis
 */
export interface ReportContext {
  readonly correlation: CorrelationSummary
  /** Timelines of deployments that are no work item (see `Correlated`): for the DORA keys only. */
  readonly bareDeployments?: ReadonlyArray<Timeline>
  readonly attributeOf: (itemId: string, name: string) => HintValue | undefined
  readonly upstream?: UpstreamOptions
}

/**
 * Computes the whole report from timelines: pure, no I/O. `warnings` are carried over from
 * reading and folding; Little's law deviations are added. `done` is the fold's done rule.
 *
 * @since 0.1.0
 * @category analysis
 */
export const buildReport = (
  timelines: ReadonlyArray<Timeline>,
  index: StreamIndex,
  window: Window,
  input: InputCounts,
  warnings: ReadonlyArray<string>,
  done: DoneRuleSummary,
  context: ReportContext,
): FlowReport => {
  const waits = collectWaits(timelines, index)
  const stages = stageMetrics(timelines, index, waits, window)
  const evidence = gatherEvidence(timelines, index, stages, waits, window)
  const bare = context.bareDeployments ?? []
  const dora = doraMetrics(bare.length === 0 ? timelines : [...timelines, ...bare], index, window)
  const little = stages
    .filter(
      (stage) => stage.departures >= LITTLE_MIN_DEPARTURES && stage.littleLawDeviation > LITTLE_TOLERANCE,
    )
    .map(
      (stage) =>
        `Little's law is off by ${Math.round(stage.littleLawDeviation * 100)}% in ${stage.name}: its WIP is not steady over the window (a trend or a change), or events are missing.`,
    )
  const items = itemMetrics(timelines, index, window)
  const constraint = rankConstraint(evidence, items.items.completed)
  return {
    window: {
      from: new Date(window.from).toISOString(),
      to: new Date(window.to).toISOString(),
      days: windowDays(window),
    },
    done,
    ...items,
    stages,
    constraint,
    constraintTimeline: constraintTimeline(timelines, index, waits, window, evidence, constraint),
    correlation: context.correlation,
    upstream: upstreamSignals(
      timelines,
      index,
      window,
      context.attributeOf,
      constraint.stage,
      context.upstream,
    ),
    agingWip: agingWip(timelines, index, window),
    ...(dora === undefined ? {} : { dora }),
    input,
    warnings: [...warnings, ...little],
  }
}
