import { Schema } from 'effect'
import { contextKey, EventContext } from './EventContext.js'

/**
 * One entry of a join index as a checkpoint keeps it: an item's context and the commit SHAs (or
 * other references, such as a merge request's `!IID`) that join to it.
 *
 * @since 0.1.0
 * @category adapter mapping
 */
export const JoinEntry = Schema.Struct({ context: EventContext, shas: Schema.Array(Schema.String) })

/**
 * A decoded join entry.
 *
 * @since 0.1.0
 * @category adapter mapping
 */
export interface JoinEntry extends Schema.Schema.Type<typeof JoinEntry> {}

/**
 * Which item a commit belongs to: filled from the checkpoint, then by each change synced (its
 * head, merge and other commits) and each commit looked up; read back into the next checkpoint,
 * the most recently touched items last.
 *
 * @since 0.1.0
 * @category adapter mapping
 */
export interface JoinIndex {
  readonly get: (sha: string) => EventContext | undefined
  /** Joins the commits to the context; an item touched again moves to the newest end. */
  readonly add: (context: EventContext, shas: ReadonlyArray<string>) => void
  readonly entries: () => JoinEntry[]
}

/**
 * A join index starting from a checkpoint's joins.
 *
 * @since 0.1.0
 * @category adapter mapping
 */
export const makeJoinIndex = (joins: ReadonlyArray<JoinEntry>): JoinIndex => {
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
