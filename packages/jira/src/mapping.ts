import type { StageMapping } from '@herbie/core'

/**
 * The Jira facts Herbie maps to stages, with the default stage of each: a status of category
 * `new` (To Do) is the `backlog`, `indeterminate` (In Progress, and statuses of no category)
 * `develop`, `done` (Done) the `done` stage. The `statuses` option maps status names over these.
 *
 * @since 0.1.0
 * @category mapping
 */
export const defaultStages = {
  new: 'backlog',
  indeterminate: 'develop',
  done: 'done',
} as const satisfies StageMapping

/**
 * A fact name of the Jira adapter.
 *
 * @since 0.1.0
 * @category mapping
 */
export type JiraFact = keyof typeof defaultStages
