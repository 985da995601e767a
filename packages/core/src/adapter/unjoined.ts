/**
 * How many facts of a sync could not be joined to their work item for one reason (`commit gone
 * (422)`, `run deleted (404)`): the fact joined an item of its own, or was skipped.
 *
 * @since 0.1.0
 * @category adapter
 */
export interface UnjoinedCount {
  readonly reason: string
  readonly count: number
}

/**
 * Adds a count to a tally by reason, keeping the order in which reasons were first seen.
 *
 * @since 0.1.0
 * @category adapter
 */
export const addUnjoined = (
  tally: ReadonlyArray<UnjoinedCount>,
  { reason, count }: UnjoinedCount,
): ReadonlyArray<UnjoinedCount> =>
  tally.some((entry) => entry.reason === reason)
    ? tally.map((entry) => (entry.reason === reason ? { reason, count: entry.count + count } : entry))
    : [...tally, { reason, count }]

/**
 * The tally in one sentence for a user, or undefined when everything was joined:
 * `3 facts could not be joined to a pull request: 2 commit gone (422), 1 run deleted (404)`.
 *
 * @since 0.1.0
 * @category adapter
 */
export const unjoinedSentence = (
  tally: ReadonlyArray<UnjoinedCount>,
  joinsTo = 'a work item',
): string | undefined => {
  const total = tally.reduce((sum, entry) => sum + entry.count, 0)
  if (total === 0) return undefined
  const reasons = tally.map((entry) => `${entry.count} ${entry.reason}`).join(', ')
  return `${total} ${total === 1 ? 'fact' : 'facts'} could not be joined to ${joinsTo}: ${reasons}`
}
