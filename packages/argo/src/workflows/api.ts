import { Schema } from 'effect'

const Time = Schema.NullOr(Schema.String)

/**
 * A node of a workflow (`io.argoproj.workflow.v1alpha1.NodeStatus`; `id`, `name` and `type`
 * required). `type` is `Pod`, `Container`, `HTTP`, `Plugin` (work), `Suspend` (an approval or a
 * wait), `Steps`, `StepGroup`, `DAG`, `TaskGroup`, `Retry` (structure) or `Skipped`. Times are
 * `null` until set (a zero `metav1.Time`); `phase`: `Pending`, `Running`, `Succeeded`,
 * `Skipped`, `Failed`, `Error`, `Omitted`.
 *
 * @since 0.1.0
 * @category api
 */
export const NodeStatus = Schema.Struct({
  id: Schema.String,
  name: Schema.String,
  type: Schema.String,
  displayName: Schema.optional(Schema.String),
  templateName: Schema.optional(Schema.String),
  templateRef: Schema.optional(
    Schema.Struct({ name: Schema.optional(Schema.String), template: Schema.optional(Schema.String) }),
  ),
  phase: Schema.optional(Schema.String),
  startedAt: Schema.optional(Time),
  finishedAt: Schema.optional(Time),
  children: Schema.optional(Schema.Array(Schema.String)),
  message: Schema.optional(Schema.String),
})

/**
 * A decoded node.
 *
 * @since 0.1.0
 * @category api
 */
export type NodeStatus = typeof NodeStatus.Type

/**
 * A workflow (`io.argoproj.workflow.v1alpha1.Workflow`; `metadata` and `spec` required) as far
 * as the adapter reads it. `status.nodes` is a map by node id; it is empty when the controller
 * offloaded it to its database (`offloadNodeStatusVersion`) or compressed it (`compressedNodes`),
 * and the archive's list leaves it out: the workflow is then read alone.
 *
 * @since 0.1.0
 * @category api
 */
export const Workflow = Schema.Struct({
  metadata: Schema.Struct({
    name: Schema.optional(Schema.String),
    namespace: Schema.optional(Schema.String),
    uid: Schema.optional(Schema.String),
    resourceVersion: Schema.optional(Schema.String),
    creationTimestamp: Schema.optional(Time),
    labels: Schema.optional(Schema.NullOr(Schema.Record({ key: Schema.String, value: Schema.String }))),
  }),
  spec: Schema.Struct({
    arguments: Schema.optional(
      Schema.Struct({
        parameters: Schema.optional(
          Schema.Array(Schema.Struct({ name: Schema.String, value: Schema.optional(Schema.String) })),
        ),
      }),
    ),
    workflowTemplateRef: Schema.optional(Schema.Struct({ name: Schema.optional(Schema.String) })),
  }),
  status: Schema.optional(
    Schema.Struct({
      phase: Schema.optional(Schema.String),
      startedAt: Schema.optional(Time),
      finishedAt: Schema.optional(Time),
      nodes: Schema.optional(Schema.NullOr(Schema.Record({ key: Schema.String, value: NodeStatus }))),
      offloadNodeStatusVersion: Schema.optional(Schema.String),
      compressedNodes: Schema.optional(Schema.String),
    }),
  ),
})

/**
 * A decoded workflow.
 *
 * @since 0.1.0
 * @category api
 */
export type Workflow = typeof Workflow.Type

/**
 * A page of `GET /api/v1/workflows/{namespace}` or `/api/v1/archived-workflows`
 * (`io.argoproj.workflow.v1alpha1.WorkflowList`): `metadata.continue` is the token of the next
 * page (absent or empty on the last); `items` is `null` when the page is empty (Go's nil slice).
 *
 * @since 0.1.0
 * @category api
 */
export const WorkflowList = Schema.Struct({
  metadata: Schema.Struct({
    continue: Schema.optional(Schema.String),
    resourceVersion: Schema.optional(Schema.String),
  }),
  items: Schema.NullOr(Schema.Array(Workflow)),
})

/**
 * A decoded workflow page.
 *
 * @since 0.1.0
 * @category api
 */
export type WorkflowList = typeof WorkflowList.Type
