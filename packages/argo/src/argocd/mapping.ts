import { makeEventBuilder, type StageMapping } from '@herbie/core'

/**
 * The Argo CD facts Herbie maps to stages, with the default stage of each:
 * - `sync`: a sync deploying a revision (a history entry, a failed sync): work;
 * - `waiting`: a change waiting for a manual sync, or blocked by a sync window: waiting;
 * - `done`: a successful sync of a production application (a `production-deploy` done candidate).
 *
 * @since 0.1.0
 * @category mapping
 */
export const defaultStages = {
  sync: 'deploy',
  waiting: 'deploy-queue',
  done: 'done',
} as const satisfies StageMapping

/**
 * A fact name of the Argo CD adapter.
 *
 * @since 0.1.0
 * @category mapping
 */
export type ArgocdFact = keyof typeof defaultStages

/**
 * The event builders of the Argo CD adapter: ids `ITEM:KEY:TYPE`, source `argocd`.
 *
 * @since 0.1.0
 * @category mapping
 */
export const argocdEvents = makeEventBuilder('argocd')
