import type { ItemHints } from '../ingest/ItemHints.js'

/** A commit SHA at the end of an item id: the bare commit items `github:OWNER/NAME@SHA`. */
const BARE_COMMIT = /@([0-9a-f]{7,40})$/i

/** SHAs are matched on their first seven hex digits, the shortest form tools print. */
const SHORT = 7

/** A full SHA-1 commit id. */
const FULL = 40

/**
 * What each item is for correlation, by its position in the sorted item ids: a tracker item
 * (its id is `SOURCE:KEY` and it links its own key), a change (it links a pull or merge
 * request), the commit a bare commit item stands for; and the lookups the rules need: trackers
 * by key, the change that links a commit.
 *
 * @since 0.1.0
 * @category correlation
 */
export interface ItemRoles {
  readonly ids: ReadonlyArray<string>
  readonly hints: ReadonlyArray<ItemHints | undefined>
  readonly trackerKey: ReadonlyArray<string | undefined>
  readonly isChange: ReadonlyArray<boolean>
  readonly bareCommit: ReadonlyArray<string | undefined>
  readonly trackers: ReadonlyMap<string, number>
  /** Whether an `issue` link id is an issue key (matches the whole pattern). */
  readonly isIssueKey: (id: string) => boolean
  /** The change (the smallest item id) that links a commit, matched on a common prefix of at least 7 digits. */
  readonly changeOf: (sha: string) => number | undefined
}

/**
 * Sorts out the roles of the items `ids` (sorted) from their hints.
 *
 * @since 0.1.0
 * @category correlation
 */
export const itemRoles = (
  ids: ReadonlyArray<string>,
  hintsOf: (id: string) => ItemHints | undefined,
  issueKeyPattern: string,
): ItemRoles => {
  const whole = new RegExp(`^(?:${issueKeyPattern})$`)
  const isIssueKey = (id: string) => whole.test(id)
  const hints = ids.map(hintsOf)
  const trackerKey: Array<string | undefined> = []
  const isChange: boolean[] = []
  const bareCommit: Array<string | undefined> = []
  const trackers = new Map<string, number>()
  // Full SHAs by value; every SHA also by its first seven digits, for the short ones (an image
  // tag) and the changes that link a short one.
  const full = new Map<string, number>()
  const shortLinked = new Map<string, number>()
  const commits = new Map<string, Array<{ readonly sha: string; readonly item: number }>>()
  for (const [item, id] of ids.entries()) {
    const links = hints[item]?.links ?? []
    const colon = id.indexOf(':')
    const key = colon < 0 ? undefined : id.slice(colon + 1)
    const tracker =
      key !== undefined && isIssueKey(key) && links.some((link) => link.kind === 'issue' && link.id === key)
    trackerKey.push(tracker ? key : undefined)
    if (tracker && !trackers.has(key)) trackers.set(key, item)
    const change = !tracker && links.some((link) => link.kind === 'pr')
    isChange.push(change)
    bareCommit.push(change || tracker ? undefined : BARE_COMMIT.exec(id)?.[1]?.toLowerCase())
    if (!change) continue
    for (const link of links) {
      if (link.kind !== 'commit' || link.id.length < SHORT) continue
      const sha = link.id.toLowerCase()
      const prefix = sha.slice(0, SHORT)
      if (sha.length === FULL) {
        if (!full.has(sha)) full.set(sha, item)
      } else if (!shortLinked.has(prefix)) shortLinked.set(prefix, item)
      const known = commits.get(prefix)
      if (known === undefined) commits.set(prefix, [{ sha, item }])
      else known.push({ sha, item })
    }
  }
  return {
    ids,
    hints,
    trackerKey,
    isChange,
    bareCommit,
    trackers,
    isIssueKey,
    changeOf: (commit) => {
      if (commit.length < SHORT) return undefined
      const sha = commit.toLowerCase()
      // A full SHA is found by value, unless some change links a short form of it.
      if (sha.length === FULL && !shortLinked.has(sha.slice(0, SHORT))) return full.get(sha)
      for (const entry of commits.get(sha.slice(0, SHORT)) ?? []) {
        if (entry.sha.startsWith(sha) || sha.startsWith(entry.sha)) return entry.item
      }
      return undefined
    },
  }
}
