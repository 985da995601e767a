import type { ItemEvent } from '../ingest/EventLog.js'
import type { ItemRoles } from './itemRoles.js'

/**
 * One deployment seen in the events: the deploy events of one item in one environment, the
 * repository, when it began, whether it succeeded, the revision it deployed and when that
 * revision was merged (undefined when no merge in the events carries it).
 *
 * @since 0.1.0
 * @category correlation
 */
export interface Deployment {
  readonly item: number
  readonly environment: string
  readonly repository: string
  readonly at: number
  readonly ok: boolean
  readonly revision: string
  readonly mergedAt: number | undefined
  readonly events: ReadonlyArray<ItemEvent>
}

/**
 * The environment a deployment event concerns (undefined for any other event): its own, or
 * production for a production done candidate that names none.
 *
 * @since 0.1.0
 * @category correlation
 */
export const deploymentEnvironment = (event: ItemEvent): string | undefined =>
  event.environment ?? (event.doneRule === 'production-deploy' ? 'production' : undefined)

const earliestMerge = (events: ReadonlyArray<ItemEvent>): number | undefined => {
  let at: number | undefined
  for (const event of events)
    if (event.doneRule === 'merge' && (at === undefined || event.at < at)) at = event.at
  return at
}

/** The first position in `merges` (sorted by time) whose time is after `at`. */
const firstAfter = (merges: ReadonlyArray<{ readonly at: number }>, at: number): number => {
  let low = 0
  let high = merges.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (merges[middle]!.at <= at) low = middle + 1
    else high = middle
  }
  return low
}

/**
 * The deployments of the items (by position in `roles.ids`, `events[k]` their events) and, for
 * each, the items whose merge lies in its revision range. A deployment's repository is that of
 * the change that merged its revision when one did (the code's, not the GitOps repository a
 * deployment tool names), else its own. Without git ancestry in the events the
 * range is taken on a linear default branch: the merges of the deployment's repository merged
 * after the revision of the previous successful deployment of the same environment and
 * repository, up to and including the revision deployed. The first deployment of an
 * environment, and one whose revision no merge in the events carries, has no range (it joins
 * by its commit only). Linear time after sorting the deployments and merges.
 *
 * @since 0.1.0
 * @category correlation
 */
export const deployRanges = (
  roles: ItemRoles,
  events: ReadonlyArray<ReadonlyArray<ItemEvent>>,
): ReadonlyArray<{ readonly deployment: Deployment; readonly merged: ReadonlyArray<number> }> => {
  const merges = new Map<string, Array<{ readonly at: number; readonly item: number }>>()
  const mergedAt: Array<number | undefined> = events.map(earliestMerge)
  const deployments = new Map<string, Deployment[]>()
  for (const [item, itemEvents] of events.entries()) {
    for (const event of itemEvents) {
      if (event.doneRule !== 'merge') continue
      const scope = event.scope ?? ''
      const list = merges.get(scope) ?? []
      if (list.length === 0) merges.set(scope, list)
      list.push({ at: event.at, item })
    }
    const bare = roles.bareCommit[item]
    const owner = bare === undefined ? (roles.isChange[item] ? item : undefined) : roles.changeOf(bare)
    // The code's repository: that of the change that merged the revision (a GitOps tool such as
    // Argo CD names its configuration repository), else the item's own.
    const ownerRepository = owner === undefined ? undefined : roles.hints[owner]?.attributes.get('repository')
    const repository =
      typeof ownerRepository === 'string' ? ownerRepository : roles.hints[item]?.attributes.get('repository')
    if (typeof repository !== 'string') continue
    const revision = bare ?? roles.ids[item]!
    const byEnvironment = new Map<string, ItemEvent[]>()
    for (const event of itemEvents) {
      const environment = deploymentEnvironment(event)
      if (environment === undefined) continue
      const list = byEnvironment.get(environment) ?? []
      if (list.length === 0) byEnvironment.set(environment, list)
      list.push(event)
    }
    for (const [environment, deployEvents] of byEnvironment) {
      const key = `${repository}\u0000${environment}`
      const list = deployments.get(key) ?? []
      if (list.length === 0) deployments.set(key, list)
      list.push({
        item,
        environment,
        repository,
        at: deployEvents.reduce((min, event) => Math.min(min, event.at), Number.POSITIVE_INFINITY),
        ok: deployEvents.some(
          (event) => event.outcome === 'success' || event.doneRule === 'production-deploy',
        ),
        revision,
        mergedAt: owner === undefined ? undefined : mergedAt[owner],
        events: deployEvents,
      })
    }
  }
  for (const list of merges.values()) list.sort((a, b) => a.at - b.at || a.item - b.item)
  const ranges: Array<{ deployment: Deployment; merged: number[] }> = []
  for (const list of deployments.values()) {
    list.sort((a, b) => a.at - b.at || a.item - b.item)
    let running: number | undefined
    for (const deployment of list) {
      const to = deployment.mergedAt
      if (to === undefined) continue
      if (running !== undefined && to > running) {
        const inRepository = merges.get(deployment.repository) ?? []
        const merged: number[] = []
        for (let at = firstAfter(inRepository, running); at < inRepository.length; at++) {
          const merge = inRepository[at]!
          if (merge.at > to) break
          merged.push(merge.item)
        }
        ranges.push({ deployment, merged })
      }
      if (deployment.ok) running = to
    }
  }
  return ranges
}
