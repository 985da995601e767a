import type { StageMapping } from '@herbie/core'

/**
 * The GitHub facts Herbie maps to stages, with the default stage of each:
 * - `issue.backlog`: an issue opened until a pull request references it (with `issues: true`);
 * - `pr.coding`: first commit to ready for review (or opened, when not a draft);
 * - `pr.awaiting-review`: ready for review to the first review;
 * - `pr.in-review`: first review to approval (or merge), rework included;
 * - `actions.run`: a workflow run's jobs running (its queued time is a wait before it);
 * - `deployment.waiting`: a deployment created to running (a required reviewer, a free runner);
 * - `deployment.running`: running to its final status;
 * - `done`: the first successful production deployment (or the merge, by config).
 *
 * @since 0.1.0
 * @category mapping
 */
export const defaultStages = {
  'issue.backlog': 'backlog',
  'pr.coding': 'develop',
  'pr.awaiting-review': 'review-queue',
  'pr.in-review': 'review',
  'actions.run': 'ci',
  'deployment.waiting': 'deploy-queue',
  'deployment.running': 'deploy',
  done: 'done',
} as const satisfies StageMapping

/**
 * A fact name of the GitHub adapter.
 *
 * @since 0.1.0
 * @category mapping
 */
export type GithubFact = keyof typeof defaultStages

/**
 * The item id of a pull request: `github:OWNER/NAME#NUMBER`.
 *
 * @since 0.1.0
 * @category mapping
 */
export const pullItemId = (repository: string, number: number): string => `github:${repository}#${number}`
