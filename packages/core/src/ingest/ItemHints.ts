import type { Link as LinkSchema } from '../event/StageEvent.js'

/** A link as events carry it. */
type Link = typeof LinkSchema.Type

/**
 * An attribute value an item carries.
 *
 * @since 0.1.0
 * @category ingest
 */
export type HintValue = string | number | boolean

/**
 * What the events of one item say about where it belongs, gathered while reading: its links,
 * each once, sorted by kind then id, and the first value seen of each kept attribute
 * (`repository`, `kind`, `causedBy`...). The correlation step and the upstream signals read them.
 *
 * @since 0.1.0
 * @category ingest
 */
export interface ItemHints {
  readonly links: ReadonlyArray<Link>
  readonly attributes: ReadonlyMap<string, HintValue>
}

/**
 * The item attributes kept by default: the repository (correlation, done rules), the flow item
 * kind and the causes a defect names (failure demand).
 *
 * @since 0.1.0
 * @category ingest
 */
export const KEPT_ATTRIBUTES: ReadonlyArray<string> = ['repository', 'kind', 'causedBy']

const byKindThenId = (a: Link, b: Link): number =>
  a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0

/**
 * Collects {@link ItemHints} per item number: `add` takes one event's links and attributes
 * (either may be absent; the common case of neither costs two checks), `build` the hints of
 * the items that have any.
 *
 * @since 0.1.0
 * @category ingest
 */
export const makeHintCollector = (kept: ReadonlyArray<string>) => {
  const links: Array<Map<string, Link> | undefined> = []
  const attributes: Array<Map<string, HintValue> | undefined> = []
  return {
    add: (
      item: number,
      eventLinks: ReadonlyArray<Link> | undefined,
      eventAttributes: Readonly<Record<string, HintValue>> | undefined,
    ): void => {
      if (eventLinks !== undefined && eventLinks.length > 0) {
        let known = links[item]
        if (known === undefined) {
          known = new Map()
          links[item] = known
        }
        for (const link of eventLinks) {
          const key = `${link.kind} ${link.id}`
          if (!known.has(key)) known.set(key, { kind: link.kind, id: link.id })
        }
      }
      if (eventAttributes === undefined) return
      for (const name of kept) {
        const value = eventAttributes[name]
        if (value === undefined) continue
        let known = attributes[item]
        if (known === undefined) {
          known = new Map()
          attributes[item] = known
        }
        if (!known.has(name)) known.set(name, value)
      }
    },
    build: (itemIds: ReadonlyArray<string>, present: (item: number) => boolean): Map<string, ItemHints> => {
      const hints = new Map<string, ItemHints>()
      const count = Math.max(links.length, attributes.length)
      for (let item = 0; item < count; item++) {
        const itemLinks = links[item]
        const itemAttributes = attributes[item]
        if ((itemLinks === undefined && itemAttributes === undefined) || !present(item)) continue
        hints.set(itemIds[item]!, {
          links: itemLinks === undefined ? [] : [...itemLinks.values()].sort(byKindThenId),
          attributes: itemAttributes ?? new Map(),
        })
      }
      return hints
    },
  }
}
