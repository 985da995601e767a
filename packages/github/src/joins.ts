import type { RepositoryState } from './checkpoint.js'
import type { EventContext } from './event.js'

/**
 * Which item a commit belongs to: filled from the checkpoint, then by each pull request synced
 * (its head, merge and timeline commits) and each commit looked up; read back into the next
 * checkpoint, the most recently touched items last.
 *
 * @since 0.1.0
 * @category backfill
 */
export interface JoinIndex {
  readonly get: (sha: string) => EventContext | undefined
  /** Joins the commits to the context; an item touched again moves to the newest end. */
  readonly add: (context: EventContext, shas: ReadonlyArray<string>) => void
  readonly entries: () => RepositoryState['joins']
}

/**
 * The identity of a context: its item and key prefix (several pull requests may share the item
 * of the issue they close).
 *
 * @since 0.1.0
 * @category backfill
 */
export const contextKey = (context: Pick<EventContext, 'itemId' | 'keyPrefix'>): string =>
  `${context.itemId} ${context.keyPrefix ?? ''}`

/**
 * A join index starting from a checkpoint's joins.
 *
 * @since 0.1.0
 * @category backfill
 */
export const makeJoinIndex = (joins: RepositoryState['joins']): JoinIndex => {
  const bySha = new Map<string, EventContext>()
  const byContext = new Map<string, { context: EventContext; shas: Set<string> }>()
  const add = (context: EventContext, shas: ReadonlyArray<string>) => {
    const key = contextKey(context)
    const known = byContext.get(key)?.shas ?? new Set<string>()
    byContext.delete(key)
    for (const sha of shas) {
      known.delete(sha)
      known.add(sha)
      bySha.set(sha, context)
    }
    byContext.set(key, { context, shas: known })
  }
  for (const join of joins) add(join.context, join.shas)
  return {
    get: (sha) => bySha.get(sha),
    add,
    entries: () => [...byContext.values()].map(({ context, shas }) => ({ context, shas: [...shas] })),
  }
}
