/**
 * How an adapter marks a `done` enter that is a candidate rather than a fact: `merge` (the merge
 * of a change), `production-deploy` (its first successful production deployment) or `tracker`
 * (an issue tracker's Done: a Jira issue resolved as done). The analysis keeps the merge
 * candidates of a repository only when that repository has no production deployment candidate at
 * all (see `resolveDoneRules`); a tracker candidate counts like a done enter without a rule.
 *
 * @since 0.1.0
 * @category events
 */
export type DoneRule = 'merge' | 'production-deploy' | 'tracker'

/**
 * The done rule an event carries in `attributes.doneRule`, if it is one of the known rules.
 *
 * @since 0.1.0
 * @category events
 */
export const doneRuleOf = (event: Readonly<Record<string, unknown>>): DoneRule | undefined => {
  const rule = (event.attributes as Record<string, unknown> | undefined)?.doneRule
  return rule === 'merge' || rule === 'production-deploy' || rule === 'tracker' ? rule : undefined
}

/**
 * The scope a done candidate is decided in: its `attributes.repository`, or `''` (every
 * repository) when it has none.
 *
 * @since 0.1.0
 * @category events
 */
export const doneScopeOf = (event: Readonly<Record<string, unknown>>): string => {
  const repository = (event.attributes as Record<string, unknown> | undefined)?.repository
  return typeof repository === 'string' ? repository : ''
}

/**
 * Whether an event says its item was dropped (`attributes.abandoned: true`): a pull request closed
 * unmerged, an issue closed as not planned.
 *
 * @since 0.1.0
 * @category events
 */
export const isAbandonedEvent = (event: Readonly<Record<string, unknown>>): boolean =>
  (event.attributes as Record<string, unknown> | undefined)?.abandoned === true
