import { Schema } from 'effect'
import type { WorkflowRun } from './api.js'

/**
 * The triggers whose runs are delivery work by default: a push, a pull request (also from a fork,
 * `pull_request_target`) and the merge queue. Scheduled, manual and other runs are not.
 *
 * @since 0.1.0
 * @category config
 */
export const DELIVERY_EVENTS: ReadonlyArray<string> = [
  'pull_request',
  'pull_request_target',
  'push',
  'merge_group',
]

const Names = Schema.Array(Schema.String)

/**
 * Which workflow runs count as CI stays. A run counts when its trigger (`event`) is in `events`,
 * its workflow is in `workflows` (by name or file path; all workflows when not given), and
 * neither is in `excludeEvents` or `excludeWorkflows`.
 *
 * @since 0.1.0
 * @category config
 */
export const RunFilter = Schema.Struct({
  /** The triggers that count (default: `pull_request`, `pull_request_target`, `push`, `merge_group`). */
  events: Schema.optionalWith(Names, { default: () => DELIVERY_EVENTS }),
  /** Triggers that never count, even when listed in `events`. */
  excludeEvents: Schema.optionalWith(Names, { default: () => [] }),
  /** Only these workflows count, by name (`CI`) or file (`.github/workflows/ci.yml`). */
  workflows: Schema.optional(Names),
  /** Workflows that never count, by name or file. */
  excludeWorkflows: Schema.optionalWith(Names, { default: () => [] }),
})

/**
 * A decoded run filter.
 *
 * @since 0.1.0
 * @category config
 */
export type RunFilter = typeof RunFilter.Type

/**
 * The filter when the config gives none: delivery triggers, every workflow.
 *
 * @since 0.1.0
 * @category config
 */
export const defaultRunFilter: RunFilter = Schema.decodeSync(RunFilter)({})

const names = (run: Pick<WorkflowRun, 'name' | 'path'>): string[] => [
  ...(run.name === null ? [] : [run.name]),
  run.path,
]

/**
 * Whether a run counts as delivery work under the filter.
 *
 * @since 0.1.0
 * @category config
 */
export const countsAsDelivery = (
  filter: RunFilter,
  run: Pick<WorkflowRun, 'event' | 'name' | 'path'>,
): boolean => {
  const workflow = names(run)
  const only = filter.workflows
  return (
    filter.events.includes(run.event) &&
    !filter.excludeEvents.includes(run.event) &&
    (only === undefined || workflow.some((name) => only.includes(name))) &&
    !workflow.some((name) => filter.excludeWorkflows.includes(name))
  )
}
