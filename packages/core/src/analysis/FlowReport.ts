import type { ConstraintReport } from '../constraint/rank.js'
import type { ConstraintPeriod } from '../constraint/timeline/ConstraintTimeline.js'
import type { CorrelationSummary } from '../correlate/Correlation.js'
import type { InputSummary } from '../ingest/inputWarnings.js'
import type { AgingItem } from '../metrics/aging.js'
import type { DoraMetrics } from '../metrics/dora.js'
import type { ItemMetrics } from '../metrics/items.js'
import type { StageMetrics } from '../metrics/stages.js'
import type { DoneRuleSummary } from '../timeline/doneRules.js'
import type { UpstreamReport } from '../upstream/UpstreamReport.js'

/**
 * Everything one analysis found: the machine-readable shape of `herbie analyze --json`
 * (durations in seconds, times in ISO-8601 UTC).
 *
 * @since 0.1.0
 * @category analysis
 */
export interface FlowReport extends ItemMetrics {
  readonly window: { readonly from: string; readonly to: string; readonly days: number }
  /** Where items were taken to be done: the production deployment, the merge, or the done stage. */
  readonly done: DoneRuleSummary
  readonly stages: ReadonlyArray<StageMetrics>
  readonly constraint: ConstraintReport
  /** The window split where the constraint changed, each period with its own constraint; one period when it did not. */
  readonly constraintTimeline: ReadonlyArray<ConstraintPeriod>
  /** How items of different sources were joined, and the events left unlinked. */
  readonly correlation: CorrelationSummary
  /** Whether the constraint sits before the code: failure demand, rework, abandonment, clarity. */
  readonly upstream: UpstreamReport
  readonly agingWip: { readonly count: number; readonly oldest: ReadonlyArray<AgingItem> }
  readonly dora?: DoraMetrics
  readonly input: InputSummary
  readonly warnings: ReadonlyArray<string>
}
