import type { EventLog, ItemEvent } from '../ingest/EventLog.js'
import type { Correlated, Member, MemberEvents } from './Correlation.js'
import { type CorrelationOptions, type CorrelationRule, defaultCorrelation } from './CorrelationOptions.js'
import { deploymentEnvironment, deployRanges } from './deployRanges.js'
import { type ItemRoles, itemRoles } from './itemRoles.js'
import { makeUnionFind } from './unionFind.js'

const RULE_ORDER: ReadonlyArray<CorrelationRule> = ['pr', 'commit', 'issue-key', 'deploy-range']

/**
 * Why events stayed on their own.
 *
 * @since 0.1.0
 * @category correlation
 */
export const UNLINKED_REASONS = {
  commit: 'commit not in any pull request',
  deployment: 'deployment of a commit in no pull request',
  issueKey: 'issue key matches no tracker item',
} as const

const sourceName = (sources: ReadonlyArray<string>, event: ItemEvent): string =>
  sources[event.source ?? -1] ?? 'unknown'

const countBySource = (sources: ReadonlyArray<string>, events: ReadonlyArray<ItemEvent>) => {
  const counts = new Map<string, number>()
  for (const event of events) {
    const name = sourceName(sources, event)
    counts.set(name, (counts.get(name) ?? 0) + 1)
  }
  return counts
}

/**
 * Given the unions that joined sets (a spanning tree per group), the rule that reached each
 * member from a group's head: a breadth-first walk over the tree, in the order of the unions.
 */
const joinRules = (
  edges: ReadonlyArray<{
    readonly a: number
    readonly b: number
    readonly rule: CorrelationRule
    readonly via: string
  }>,
) => {
  const around = new Map<number, number[]>()
  for (const [position, { a, b }] of edges.entries()) {
    for (const end of [a, b]) {
      const list = around.get(end)
      if (list === undefined) around.set(end, [position])
      else list.push(position)
    }
  }
  return (head: number): Map<number, { readonly rule: CorrelationRule; readonly via: string }> => {
    const reached = new Map<number, { readonly rule: CorrelationRule; readonly via: string }>()
    const seen = new Set<number>([head])
    const queue = [head]
    for (let next = 0; next < queue.length; next++) {
      const at = queue[next]!
      for (const position of around.get(at) ?? []) {
        const edge = edges[position]!
        const other = edge.a === at ? edge.b : edge.a
        if (seen.has(other)) continue
        seen.add(other)
        reached.set(other, { rule: edge.rule, via: edge.via })
        queue.push(other)
      }
    }
    return reached
  }
}

/** The key of the tracker an item's issue links name: the smallest such key, or undefined. */
const trackerKeyOf = (roles: ItemRoles, item: number): string | undefined => {
  let best: string | undefined
  for (const link of roles.hints[item]?.links ?? []) {
    if (link.kind !== 'issue' || !roles.trackers.has(link.id)) continue
    if (best === undefined || link.id < best) best = link.id
  }
  return best
}

const hasLink = (roles: ItemRoles, item: number, kind: 'commit' | 'issue', issueKeysOnly = false) =>
  (roles.hints[item]?.links ?? []).some(
    (link) => link.kind === kind && (!issueKeysOnly || roles.isIssueKey(link.id)),
  )

/**
 * The correlation step, between reading and folding: joins the source items of an event log
 * into work items with union-find over item ids (the rules of {@link CorrelationRule}, in their
 * order), names each joined item (the tracker's id when one joined, else the pull request's,
 * else the smallest member id), copies a deployment's events into every item of its revision
 * range, and counts the events left unlinked by source and reason. Deterministic: the items
 * are taken in id order and every choice is the smallest id or key, so the same events in any
 * order give the same items. An event keeps its id; a deployment of several merges is in each
 * of their items. Linear in events and links, apart from sorting.
 *
 * @since 0.1.0
 * @category correlation
 */
export const correlate = (
  log: Pick<EventLog, 'items' | 'hints' | 'sources'>,
  options: CorrelationOptions = defaultCorrelation,
): Correlated => {
  const rules = RULE_ORDER.filter((rule) => options.rules.includes(rule))
  const unjoined = (): Correlated => ({
    items: log.items,
    parts: new Map(),
    members: new Map(),
    deployments: new Map(),
    summary: { items: log.items.size, joined: 0, bareDeployments: 0, unlinked: [], rules },
  })
  // Without a single link nothing can join: the common case of one simple source costs nothing.
  let linked = false
  for (const hints of log.hints.values()) if (hints.links.length > 0) linked = true
  if (!linked) return unjoined()
  const ids = [...log.items.keys()].sort()
  const roles = itemRoles(ids, (id) => log.hints.get(id), options.issueKeyPattern)
  const events = ids.map((id) => log.items.get(id)!)
  const sets = makeUnionFind(ids.length)
  // Each union that joined two sets, with its rule: a spanning tree of every group, walked from
  // the group's head to say which rule joined each member.
  const edges: Array<{
    readonly a: number
    readonly b: number
    readonly rule: CorrelationRule
    readonly via: string
  }> = []
  const join = (a: number, b: number, rule: CorrelationRule, via: string) => {
    if (sets.union(a, b)) edges.push({ a, b, rule, via })
  }
  if (rules.includes('pr')) {
    const owners = new Map<string, number>()
    for (const [item, hints] of roles.hints.entries()) {
      for (const link of hints?.links ?? []) {
        if (link.kind !== 'pr') continue
        const owner = owners.get(link.id)
        if (owner === undefined) owners.set(link.id, item)
        else join(item, owner, 'pr', link.id)
      }
    }
  }
  if (rules.includes('commit')) {
    for (const [item, hints] of roles.hints.entries()) {
      if (roles.isChange[item] || roles.trackerKey[item] !== undefined) continue
      const bare = roles.bareCommit[item]
      const candidates = [
        ...(bare === undefined ? [] : [bare]),
        ...(hints?.links ?? []).filter((link) => link.kind === 'commit').map((link) => link.id),
      ]
      for (const sha of candidates) {
        const change = roles.changeOf(sha)
        if (change === undefined) continue
        join(item, change, 'commit', sha)
        break
      }
    }
  }
  const keyRule = rules.includes('issue-key') && roles.trackers.size > 0
  if (keyRule) {
    // Per group of code items, one tracker: the smallest key any member names.
    const best = new Map<number, { readonly key: string; readonly item: number }>()
    for (let item = 0; item < ids.length; item++) {
      if (roles.trackerKey[item] !== undefined) continue
      const key = trackerKeyOf(roles, item)
      if (key === undefined) continue
      const root = sets.find(item)
      const known = best.get(root)
      if (known === undefined || key < known.key) best.set(root, { key, item })
    }
    for (const { key, item } of best.values()) join(item, roles.trackers.get(key)!, 'issue-key', key)
  }
  // Deployment ranges add events to items; they never join two items into one.
  const shared = new Map<number, { parts: MemberEvents[]; members: Member[] }>()
  if (rules.includes('deploy-range')) {
    for (const { deployment, merged } of deployRanges(roles, events)) {
      const from = sets.find(deployment.item)
      const done = new Set<number>([from])
      for (const item of merged) {
        const root = sets.find(item)
        if (done.has(root)) continue
        done.add(root)
        const entry = shared.get(root) ?? { parts: [], members: [] }
        if (entry.parts.length === 0) shared.set(root, entry)
        entry.parts.push({ events: deployment.events, tracker: false })
        entry.members.push({
          itemId: ids[deployment.item]!,
          sources: [...countBySource(log.sources, deployment.events).keys()].sort(),
          events: deployment.events.length,
          rule: 'deploy-range',
          via: `${deployment.environment} ${deployment.revision}`,
        })
      }
    }
  }
  const groups = new Map<number, number[]>()
  for (let item = 0; item < ids.length; item++) {
    const root = sets.find(item)
    const group = groups.get(root)
    if (group === undefined) groups.set(root, [item])
    else group.push(item)
  }
  const joinedBy = joinRules(edges)
  const items = new Map<string, ReadonlyArray<ItemEvent>>()
  const parts = new Map<string, ReadonlyArray<MemberEvents>>()
  const deployments = new Map<string, ReadonlyArray<ItemEvent>>()
  // With pull requests or tickets in the events, a deployment of a commit none of them carries
  // delivers work the events do not show: a deployment, not a work item.
  const workInLog = roles.trackers.size > 0 || roles.isChange.includes(true)
  const isBareDeployment = (item: number) => {
    const bare = roles.bareCommit[item]
    return (
      workInLog &&
      roles.trackerKey[item] === undefined &&
      !roles.isChange[item] &&
      (bare === undefined || roles.changeOf(bare) === undefined) &&
      events[item]!.every((event) => deploymentEnvironment(event) !== undefined)
    )
  }
  const members = new Map<string, ReadonlyArray<Member>>()
  const unlinked = new Map<string, { readonly source: string; readonly reason: string; events: number }>()
  const countUnlinked = (reason: string, itemEvents: ReadonlyArray<ItemEvent>) => {
    for (const [source, count] of countBySource(log.sources, itemEvents)) {
      const key = `${source}\u0000${reason}`
      const entry = unlinked.get(key)
      if (entry === undefined) unlinked.set(key, { source, reason, events: count })
      else entry.events += count
    }
  }
  let joined = 0
  for (const [root, group] of groups) {
    // Members are in id order, so `find` gives the smallest id of each kind.
    const tracker = group.find((item) => roles.trackerKey[item] !== undefined)
    const change = group.find((item) => roles.isChange[item])
    const head = tracker ?? change ?? group[0]!
    const extra = shared.get(root)
    const own = group.length === 1 ? events[group[0]!]! : group.flatMap((item) => events[item]!)
    if (group.length === 1 && extra === undefined && isBareDeployment(head)) {
      deployments.set(ids[head]!, own)
      countUnlinked(UNLINKED_REASONS.deployment, own)
      continue
    }
    items.set(ids[head]!, extra === undefined ? own : [...own, ...extra.parts.flatMap((part) => part.events)])
    if (group.length > 1 || extra !== undefined) {
      joined++
      parts.set(ids[head]!, [
        ...group.map((item) => ({ events: events[item]!, tracker: item === tracker })),
        ...(extra?.parts ?? []),
      ])
      const rulesOf = joinedBy(head)
      members.set(ids[head]!, [
        ...group.map((item): Member => {
          const by = rulesOf.get(item)
          return {
            itemId: ids[item]!,
            sources: [...countBySource(log.sources, events[item]!).keys()].sort(),
            events: events[item]!.length,
            rule: by?.rule ?? 'id',
            via: by?.via ?? ids[item]!,
          }
        }),
        ...(extra?.members ?? []),
      ])
    }
    if (tracker !== undefined) continue
    // Issue keys that match no tracker are unlinked only when the rule that follows them runs.
    const keysUnlinked = (item: number) => keyRule && hasLink(roles, item, 'issue', true)
    if (change !== undefined) {
      // A change whose issue keys match no tracker: its code is joined, its idea is not.
      if (group.some(keysUnlinked)) countUnlinked(UNLINKED_REASONS.issueKey, own)
      continue
    }
    for (const item of group) {
      if (hasLink(roles, item, 'commit') || roles.bareCommit[item] !== undefined)
        countUnlinked(UNLINKED_REASONS.commit, events[item]!)
      else if (keysUnlinked(item)) countUnlinked(UNLINKED_REASONS.issueKey, events[item]!)
    }
  }
  return {
    items,
    parts,
    members,
    deployments,
    summary: {
      items: items.size,
      joined,
      bareDeployments: deployments.size,
      unlinked: [...unlinked.values()].sort(
        (a, b) => a.reason.localeCompare(b.reason) || a.source.localeCompare(b.source),
      ),
      rules,
    },
  }
}
