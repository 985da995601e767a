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
 * `issue key matches no tracker item`).
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
 * after joining, how many of them were joined from more than one source item, the events left
 * unlinked, and the rules that ran.
 *
 * @since 0.1.0
 * @category correlation
 */
export interface CorrelationSummary {
  readonly items: number
  readonly joined: number
  readonly unlinked: ReadonlyArray<UnlinkedCount>
  readonly rules: ReadonlyArray<CorrelationRule>
}

/**
 * Events grouped by joined work item; for each joined item (made of more than one source item,
 * or sharing a deployment) its events per member, so that each member's enters and exits pair
 * among themselves, and its members; and the summary.
 *
 * @since 0.1.0
 * @category correlation
 */
export interface Correlated {
  readonly items: ReadonlyMap<string, ReadonlyArray<ItemEvent>>
  readonly parts: ReadonlyMap<string, ReadonlyArray<ReadonlyArray<ItemEvent>>>
  readonly members: ReadonlyMap<string, ReadonlyArray<Member>>
  readonly summary: CorrelationSummary
}
