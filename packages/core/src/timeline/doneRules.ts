import type { DoneRule } from '../event/doneRule.js'
import type { ItemEvent } from '../ingest/EventLog.js'
import type { StreamIndex } from '../stream/StreamIndex.js'

/**
 * Where the analysis took items to be done, and why: per repository (scope), the first successful
 * production deployment when its events hold any production-deployment candidate, otherwise the
 * merge. `rule` sums it up: one rule for every scope, `done-stage` when the done events carry no
 * rule (events written by hand, a simulation), `mixed` when scopes differ, `none` when no event
 * marks anything done.
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
 * The decision of {@link resolveDoneRules}: which done events to ignore, and the summary.
 *
 * @since 0.1.0
 * @category timelines
 */
export interface DoneRules {
  /** Whether a done candidate lost to another rule of its scope (a merge where deployments decide). */
  readonly ignores: (event: ItemEvent) => boolean
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
  if (plain && parts.length === 0) return 'Done is the entry into the done stage.'
  if (plain) parts.push('the entry into the done stage for events that name no rule')
  if (parts.length === 0) return 'No event marks an item done.'
  return `Done is ${parts.join('; ')}.`
}

/**
 * Decides, from all events, where items are done. A done enter marked `doneRule: merge` is
 * ignored when its scope (or every scope, `''`) has a `production-deploy` candidate; done enters
 * without a rule always count.
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
      else if (event.stage === index.done && !event.exit) plain = true
    }
  }
  const everywhere = production.has('')
  const deploysIn = (scope: string) => everywhere || production.has(scope)
  const productionScopes = [...production].sort()
  const mergeScopes = [...merge].filter((scope) => !deploysIn(scope)).sort()
  const scopes = [
    ...productionScopes.map((scope) => ({ scope, rule: 'production-deploy' as const })),
    ...mergeScopes.map((scope) => ({ scope, rule: 'merge' as const })),
  ].sort((a, b) => a.scope.localeCompare(b.scope))
  const kinds = Number(productionScopes.length > 0) + Number(mergeScopes.length > 0) + Number(plain)
  const rule: DoneRuleSummary['rule'] =
    kinds === 0
      ? 'none'
      : kinds > 1
        ? 'mixed'
        : productionScopes.length > 0
          ? 'production-deploy'
          : mergeScopes.length > 0
            ? 'merge'
            : 'done-stage'
  return {
    ignores: (event) => event.doneRule === 'merge' && deploysIn(event.scope ?? ''),
    summary: { rule, scopes, sentence: sentenceOf(productionScopes, mergeScopes, plain) },
  }
}
