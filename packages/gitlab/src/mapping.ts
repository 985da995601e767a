import { type EventBuilder, makeEventBuilder, type StageMapping } from '@herbie/core'

/**
 * The GitLab facts Herbie maps to stages, with the default stage of each:
 * - `mr.coding`: first commit to ready (or opened, when not a draft);
 * - `mr.awaiting-review`: ready to the first review activity (a comment or an approval by
 *   someone other than the author);
 * - `mr.in-review`: first review to approval (or merge);
 * - `pipeline`: a pipeline's jobs running, its child pipelines included (its queued time, and a
 *   manual gate, are waits around it);
 * - `deployment.waiting`: a deployment's job queued until it runs;
 * - `deployment.running`: its job running until the deployment's final status;
 * - `done`: the first successful production deployment (or the merge, by config).
 *
 * @since 0.1.0
 * @category mapping
 */
export const defaultStages = {
  'mr.coding': 'develop',
  'mr.awaiting-review': 'review-queue',
  'mr.in-review': 'review',
  pipeline: 'ci',
  'deployment.waiting': 'deploy-queue',
  'deployment.running': 'deploy',
  done: 'done',
} as const satisfies StageMapping

/**
 * A fact name of the GitLab adapter.
 *
 * @since 0.1.0
 * @category mapping
 */
export type GitlabFact = keyof typeof defaultStages

/**
 * The event builders of GitLab events (`source: "gitlab"`).
 *
 * @since 0.1.0
 * @category mapping
 */
export const gitlabEvents: EventBuilder = makeEventBuilder('gitlab')

/**
 * The item id of a merge request: `gitlab:GROUP/NAME!IID`.
 *
 * @since 0.1.0
 * @category mapping
 */
export const mergeRequestItemId = (project: string, iid: number): string => `gitlab:${project}!${iid}`

/**
 * The join key of a merge request in the join index, beside its commits: `!IID`.
 *
 * @since 0.1.0
 * @category mapping
 */
export const mergeRequestKey = (iid: number): string => `!${iid}`
