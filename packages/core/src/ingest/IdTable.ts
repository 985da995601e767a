/**
 * A set of ids for the ingest hot path, each at a position (0, 1, 2, ... in the order added):
 * `findOrAdd` returns the position of an id held before, or adds it at the next position and
 * returns -1, in constant expected time. The caller keeps the ids (and whatever else it knows of
 * each) by position and tells the table how to read one back (`idAt`). Built on a typed array
 * (open addressing, each slot a 32-bit hash of the id beside its position): a million ids cost
 * one flat array that the garbage collector never walks, rather than a million map entries.
 *
 * @since 0.1.0
 * @category ingest
 */
export interface IdTable {
  readonly findOrAdd: (id: string) => number
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
export const makeIdTable = (idAt: (position: number) => string): IdTable => {
  const basis = (Math.random() * 0x100000000) >>> 0
  let size = 0
  let mask = INITIAL_SLOTS - 1
  // Slot s holds the hash at 2s and the id's position + 1 at 2s + 1 (0: empty).
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
    findOrAdd: (id) => {
      const hash = hashOf(id, basis)
      let slot = hash & mask
      for (let position = slots[slot * 2 + 1]!; position !== 0; position = slots[slot * 2 + 1]!) {
        if (slots[slot * 2] === hash && idAt(position - 1) === id) return position - 1
        slot = (slot + 1) & mask
      }
      size++
      slots[slot * 2] = hash
      slots[slot * 2 + 1] = size
      // At most half full, so probes stay short.
      if (size * 2 > mask) grow()
      return -1
    },
  }
}
