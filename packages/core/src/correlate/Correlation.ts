import type { ItemEvent } from '../ingest/EventLog.js'
import type { CorrelationRule } from './CorrelationOptions.js'

/**
 * One source item of a joined work item: its id, the sources of its events, how many events it
 * brought, and the rule that joined it with what it matched on (`via`: the issue key, the
 * commit, the pull request, `ENVIRONMENT REVISION` for a deployment range). The member whose id
 * the joined item carries has rule `id`.
 *
 * @since 0.1.0
 * @category correlation
 */
export interface Member {
  readonly itemId: string
  readonly sources: ReadonlyArray<string>
  readonly events: number
  readonly rule: CorrelationRule | 'id'
  readonly via: string
}

/**
 * Events no rule could join, counted by source and reason (`commit not in any pull request`,
 * `deployment of a commit in no pull request`, `issue key matches no tracker item`).
 *
 * @since 0.1.0
 * @category correlation
 */
export interface UnlinkedCount {
  readonly source: string
  readonly reason: string
  readonly events: number
}

/**
 * What correlation did, as the report carries it (`correlation` in `--json`): the work items
 * after joining, how many of them were joined from more than one source item, how many bare
 * deployments were set aside, the events left unlinked, and the rules that ran.
 *
 * @since 0.1.0
 * @category correlation
 */
export interface CorrelationSummary {
  readonly items: number
  readonly joined: number
  /** Deployments of commits no pull request carries, left out of the work items (see {@link Correlated}). */
  readonly bareDeployments: number
  readonly unlinked: ReadonlyArray<UnlinkedCount>
  readonly rules: ReadonlyArray<CorrelationRule>
}

/**
 * The events one member brought to a joined work item, and whether that member is the tracker
 * (the Jira ticket): a tracker's statuses are coarser than the code's facts, so where the code
 * shows a later stage the tracker's stay ends (see `foldTimelines`).
 *
 * @since 0.1.0
 * @category correlation
 */
export interface MemberEvents {
  readonly events: ReadonlyArray<ItemEvent>
  readonly tracker: boolean
}

/**
 * Events grouped by joined work item; for each joined item (made of more than one source item,
 * or sharing a deployment) its events per member, so that each member's enters and exits pair
 * among themselves, and its members; the bare deployments set aside (below); and the summary.
 *
 * A **bare deployment** is an item made only of deployment events (an environment, or a
 * production done candidate) whose revision no pull request in the events carries: when the
 * events hold pull requests or tracker items, it is no work item (its change is not in the
 * events, so it has no lead time) but it still is a deployment for the DORA keys.
 *
 * @since 0.1.0
 * @category correlation
 */
export interface Correlated {
  readonly items: ReadonlyMap<string, ReadonlyArray<ItemEvent>>
  readonly parts: ReadonlyMap<string, ReadonlyArray<MemberEvents>>
  readonly members: ReadonlyMap<string, ReadonlyArray<Member>>
  readonly deployments: ReadonlyMap<string, ReadonlyArray<ItemEvent>>
  readonly summary: CorrelationSummary
}

/**
 * The work items and the bare deployments of a correlation in one map, to fold them together
 * (the deployments' timelines feed the DORA keys only).
 *
 * @since 0.1.0
 * @category correlation
 */
export const foldedItems = (correlated: Correlated): ReadonlyMap<string, ReadonlyArray<ItemEvent>> =>
  correlated.deployments.size === 0
    ? correlated.items
    : new Map([...correlated.items, ...correlated.deployments])
