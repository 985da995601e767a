import { makeEventBuilder, type StageMapping } from '@herbie/core'

/**
 * The Argo Workflows facts Herbie maps to stages, with the default stage of each:
 * - `node`: a work node (`Pod`, `Container`, `HTTP`, `Plugin`) whose template no pattern sends
 *   elsewhere: CI work (nodes overlapping in time are one CI stay);
 * - `suspend`: a `Suspend` node (an approval, a wait for someone to resume): waiting;
 * - `done`: a production deploy node that succeeded (a `production-deploy` done candidate).
 * Templates matched by `templatePatterns` go to the stage their pattern names (`deploy`).
 *
 * @since 0.1.0
 * @category mapping
 */
export const defaultStages = {
  node: 'ci',
  suspend: 'deploy-queue',
  done: 'done',
} as const satisfies StageMapping

/**
 * A fact name of the Argo Workflows adapter.
 *
 * @since 0.1.0
 * @category mapping
 */
export type ArgoWorkflowsFact = keyof typeof defaultStages

/**
 * The event builders of the Argo Workflows adapter: ids `ITEM:KEY:TYPE`, source `argo-workflows`.
 *
 * @since 0.1.0
 * @category mapping
 */
export const workflowEvents = makeEventBuilder('argo-workflows')
