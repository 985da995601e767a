/**
 * A binary min-heap keyed by a number, with insertion order breaking ties (so simultaneous
 * events are handled first come, first served).
 *
 * @since 0.1.0
 * @category simulation
 */
export interface MinHeap<A> {
  readonly push: (key: number, value: A) => void
  readonly pop: () => { readonly key: number; readonly value: A } | undefined
  readonly size: () => number
}

interface Entry<A> {
  readonly key: number
  readonly order: number
  readonly value: A
}

const before = <A>(a: Entry<A>, b: Entry<A>): boolean =>
  a.key < b.key || (a.key === b.key && a.order < b.order)

/**
 * Makes an empty heap.
 *
 * @since 0.1.0
 * @category simulation
 */
export const makeHeap = <A>(): MinHeap<A> => {
  const entries: Entry<A>[] = []
  let counter = 0
  return {
    size: () => entries.length,
    push: (key, value) => {
      const entry = { key, order: counter++, value }
      let i = entries.push(entry) - 1
      while (i > 0) {
        const parent = (i - 1) >> 1
        if (!before(entry, entries[parent]!)) break
        entries[i] = entries[parent]!
        i = parent
      }
      entries[i] = entry
    },
    pop: () => {
      const top = entries[0]
      const last = entries.pop()
      if (top === undefined || last === undefined) return undefined
      if (entries.length > 0) {
        let i = 0
        for (;;) {
          const left = 2 * i + 1
          if (left >= entries.length) break
          const right = left + 1
          const child = right < entries.length && before(entries[right]!, entries[left]!) ? right : left
          if (!before(entries[child]!, last)) break
          entries[i] = entries[child]!
          i = child
        }
        entries[i] = last
      }
      return { key: top.key, value: top.value }
    },
  }
}
