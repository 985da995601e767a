import type { DoneRule } from '../event/doneRule.js'
import type { ItemEvent } from '../ingest/EventLog.js'
import type { StreamIndex } from '../stream/StreamIndex.js'

/**
 * Where the analysis took items to be done, and why. Per work item: at its first successful
 * production deployment when its repository has production deployments (any
 * `production-deploy` candidate in the events, of that repository or naming none), else at its
 * merge, else at its issue tracker's Done; a done without a rule always counts. `scopes` lists
 * per repository whether its items are done at the deployment or the merge; `rule` sums it up:
 * one rule for every item, `done-stage` when the done events carry no rule (events written by
 * hand, a simulation), `mixed` when items differ, `none` when no event marks anything done.
 *
 * @since 0.1.0
 * @category timelines
 */
export interface DoneRuleSummary {
  readonly rule: DoneRule | 'done-stage' | 'mixed' | 'none'
  readonly scopes: ReadonlyArray<{ readonly scope: string; readonly rule: DoneRule }>
  /** The rule in one sentence, for the report. */
  readonly sentence: string
}

/**
 * The decision of {@link resolveDoneRules}: per item, which of its done events to ignore, and
 * the summary.
 *
 * @since 0.1.0
 * @category timelines
 */
export interface DoneRules {
  /**
   * For one item's events: whether a done candidate lost to a rule that comes first (a merge
   * where deployments decide, a tracker's Done where a merge does); undefined when none lost.
   */
  readonly ignoresIn: (events: ReadonlyArray<ItemEvent>) => ((event: ItemEvent) => boolean) | undefined
  readonly summary: DoneRuleSummary
}

const scopeName = (scope: string): string => (scope === '' ? 'every repository' : scope)

const list = (scopes: ReadonlyArray<string>): string => {
  const shown = scopes.slice(0, 3).map(scopeName)
  const more = scopes.length > shown.length ? ` and ${scopes.length - shown.length} more` : ''
  return `${shown.join(', ')}${more}`
}

const sentenceOf = (
  production: ReadonlyArray<string>,
  merge: ReadonlyArray<string>,
  tracker: boolean,
  plain: boolean,
): string => {
  const parts: string[] = []
  if (production.length > 0) {
    parts.push(`an item's first successful production deployment in ${list(production)}`)
  }
  if (merge.length > 0) {
    parts.push(
      `the merge in ${list(merge)}, which ${merge.length === 1 ? 'has' : 'have'} no production deployments`,
    )
  }
  if (tracker) {
    parts.push(
      parts.length === 0
        ? "the issue tracker's Done"
        : "the issue tracker's Done for items with neither a merge nor a deployment",
    )
  }
  if (plain && parts.length === 0) return 'Done is the entry into the done stage.'
  if (plain) parts.push('the entry into the done stage for events that name no rule')
  if (parts.length === 0) return 'No event marks an item done.'
  return `Done is ${parts.join('; ')}.`
}

/** What one item's done candidates are. */
interface Candidates {
  readonly production: boolean
  readonly merge: boolean
  readonly tracker: boolean
  /** Some merge candidate of it is in a repository that deploys. */
  readonly deploys: boolean
}

/**
 * Decides, from all events, where each item is done: its production deployment when it has one
 * or its repository deploys (its merge and tracker candidates are then ignored: merged and not
 * yet deployed is still in progress), else its merge (its tracker candidate is ignored), else
 * its tracker Done. Done enters without a rule always count.
 *
 * @since 0.1.0
 * @category timelines
 */
export const resolveDoneRules = (
  items: ReadonlyMap<string, ReadonlyArray<ItemEvent>>,
  index: StreamIndex,
): DoneRules => {
  const production = new Set<string>()
  const merge = new Set<string>()
  let plain = false
  for (const events of items.values()) {
    for (const event of events) {
      if (event.doneRule === 'production-deploy') production.add(event.scope ?? '')
      else if (event.doneRule === 'merge') merge.add(event.scope ?? '')
      else if (event.stage === index.done && !event.exit && event.doneRule !== 'tracker') plain = true
    }
  }
  const everywhere = production.has('')
  const deploysIn = (scope: string) => everywhere || production.has(scope)
  const candidatesOf = (events: ReadonlyArray<ItemEvent>): Candidates => {
    let onProduction = false
    let onMerge = false
    let onTracker = false
    let deploys = false
    for (const event of events) {
      if (event.doneRule === 'production-deploy') onProduction = true
      else if (event.doneRule === 'merge') {
        onMerge = true
        if (deploysIn(event.scope ?? '')) deploys = true
      } else if (event.doneRule === 'tracker') onTracker = true
    }
    return { production: onProduction, merge: onMerge, tracker: onTracker, deploys }
  }
  let tracker = false
  for (const events of items.values()) {
    const candidates = candidatesOf(events)
    if (candidates.tracker && !candidates.production && !candidates.merge) tracker = true
  }
  const productionScopes = [...production].sort()
  const mergeScopes = [...merge].filter((scope) => !deploysIn(scope)).sort()
  const scopes = [
    ...productionScopes.map((scope) => ({ scope, rule: 'production-deploy' as const })),
    ...mergeScopes.map((scope) => ({ scope, rule: 'merge' as const })),
  ].sort((a, b) => a.scope.localeCompare(b.scope))
  const kinds =
    Number(productionScopes.length > 0) + Number(mergeScopes.length > 0) + Number(tracker) + Number(plain)
  const rule: DoneRuleSummary['rule'] =
    kinds === 0
      ? 'none'
      : kinds > 1
        ? 'mixed'
        : productionScopes.length > 0
          ? 'production-deploy'
          : mergeScopes.length > 0
            ? 'merge'
            : tracker
              ? 'tracker'
              : 'done-stage'
  return {
    ignoresIn: (events) => {
      const candidates = candidatesOf(events)
      const byDeployment = candidates.production || candidates.deploys
      if (!byDeployment && !(candidates.merge && candidates.tracker)) return undefined
      return (event) =>
        (event.doneRule === 'merge' && byDeployment) ||
        (event.doneRule === 'tracker' && (byDeployment || candidates.merge))
    },
    summary: {
      rule,
      scopes,
      sentence: sentenceOf(productionScopes, mergeScopes, tracker, plain),
    },
  }
}
