/**
 * A set of values keyed by their `id`, for the ingest hot path: `findOrAdd` returns the value
 * already held under the same id, or adds this one and returns undefined, in constant expected
 * time. Built on typed arrays (open addressing, each slot a 32-bit hash of the id beside the
 * value's position), so a million ids cost two flat arrays rather than a million map entries.
 *
 * @since 0.1.0
 * @category ingest
 */
export interface IdTable<T extends { readonly id: string }> {
  readonly findOrAdd: (value: T) => T | undefined
}

/**
 * FNV-1a over the UTF-16 code units, from a per-table random basis (so that ids crafted to
 * share a hash in one run do not in the next): cheap, and spreads ids that differ anywhere.
 */
const hashOf = (id: string, basis: number): number => {
  let hash = basis
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193)
  return hash >>> 0
}

const INITIAL_SLOTS = 1 << 12

/**
 * Starts an empty {@link IdTable}.
 *
 * @since 0.1.0
 * @category ingest
 */
export const makeIdTable = <T extends { readonly id: string }>(): IdTable<T> => {
  const basis = (Math.random() * 0x100000000) >>> 0
  const values: T[] = []
  let mask = INITIAL_SLOTS - 1
  // Slot s holds the hash at 2s and the value's position + 1 at 2s + 1 (0: empty).
  let slots = new Uint32Array(INITIAL_SLOTS * 2)
  const grow = () => {
    const old = slots
    mask = mask * 2 + 1
    slots = new Uint32Array((mask + 1) * 2)
    for (let s = 0; s < old.length; s += 2) {
      const position = old[s + 1]!
      if (position === 0) continue
      let slot = old[s]! & mask
      while (slots[slot * 2 + 1] !== 0) slot = (slot + 1) & mask
      slots[slot * 2] = old[s]!
      slots[slot * 2 + 1] = position
    }
  }
  return {
    findOrAdd: (value) => {
      const hash = hashOf(value.id, basis)
      let slot = hash & mask
      for (let position = slots[slot * 2 + 1]!; position !== 0; position = slots[slot * 2 + 1]!) {
        if (slots[slot * 2] === hash) {
          const held = values[position - 1]!
          if (held.id === value.id) return held
        }
        slot = (slot + 1) & mask
      }
      values.push(value)
      slots[slot * 2] = hash
      slots[slot * 2 + 1] = values.length
      // At most half full, so probes stay short.
      if (values.length * 2 > mask) grow()
      return undefined
    },
  }
}
