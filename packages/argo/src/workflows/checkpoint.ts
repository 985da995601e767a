import { CarriedStay } from '@herbie/core'
import { Schema } from 'effect'

/**
 * A workflow a sync mapped: the `resourceVersion` it had (a completed workflow listed again with
 * the same version is not mapped again), whether it had completed, and its CI nodes that had
 * ended (written; a later sync of a running workflow skips them).
 *
 * @since 0.1.0
 * @category backfill
 */
export const SeenWorkflow = Schema.Struct({
  uid: Schema.String,
  resourceVersion: Schema.String,
  completed: Schema.Boolean,
  createdAt: Schema.String,
  ended: Schema.Array(Schema.String),
})

/**
 * A decoded seen workflow.
 *
 * @since 0.1.0
 * @category backfill
 */
export type SeenWorkflow = typeof SeenWorkflow.Type

/**
 * What the next sync needs from the last: the newest creation time listed (the next list asks
 * only for workflows created at or after it, `createdAfter`), the workflows seen by
 * `NAMESPACE/NAME` (those still running are read again by name) and the CI stays still open.
 * Bounded: see {@link WORKFLOW_CHECKPOINT_LIMITS}.
 *
 * @since 0.1.0
 * @category backfill
 */
export const ArgoWorkflowsCheckpoint = Schema.Struct({
  createdAfter: Schema.optionalWith(Schema.String, { exact: true }),
  workflows: Schema.Record({ key: Schema.String, value: SeenWorkflow }),
  openStays: Schema.Array(CarriedStay),
})

/**
 * A decoded Argo Workflows checkpoint.
 *
 * @since 0.1.0
 * @category backfill
 */
export type ArgoWorkflowsCheckpoint = typeof ArgoWorkflowsCheckpoint.Type

/**
 * The bounds of a checkpoint: every workflow still running, and the 500 newest completed ones
 * (older ones are no longer listed: they were created before `createdAfter`).
 *
 * @since 0.1.0
 * @category backfill
 */
export const WORKFLOW_CHECKPOINT_LIMITS = { completed: 500 } as const

/**
 * Cuts a checkpoint down to {@link WORKFLOW_CHECKPOINT_LIMITS}, keeping the newest completed
 * workflows and every running one.
 *
 * @since 0.1.0
 * @category backfill
 */
export const boundWorkflowCheckpoint = (checkpoint: ArgoWorkflowsCheckpoint): ArgoWorkflowsCheckpoint => {
  const entries = Object.entries(checkpoint.workflows)
  const completed = entries
    .filter(([, seen]) => seen.completed)
    .sort(([, a], [, b]) => Date.parse(b.createdAt) - Date.parse(a.createdAt))
    .slice(0, WORKFLOW_CHECKPOINT_LIMITS.completed)
  return {
    ...checkpoint,
    workflows: Object.fromEntries([...entries.filter(([, seen]) => !seen.completed), ...completed]),
  }
}
