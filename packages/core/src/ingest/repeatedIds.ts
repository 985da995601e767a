/**
 * FNV-1a over the UTF-16 code units of an id, from a random `basis` chosen per input (so that
 * ids crafted to share a hash in one run do not in the next).
 *
 * @since 0.1.0
 * @category ingest
 */
export const hashId = (id: string, basis: number): number => {
  let hash = basis
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193)
  return hash >>> 0
}

/**
 * A random FNV basis for {@link hashId}.
 *
 * @since 0.1.0
 * @category ingest
 */
export const randomBasis = (): number => (Math.random() * 0x100000000) >>> 0

/**
 * An id seen again: the position of the later event and of the first one with that id.
 *
 * @since 0.1.0
 * @category ingest
 */
export interface Repeat {
  readonly position: number
  readonly first: number
}

/**
 * Positions 0..count-1 ordered by hash, stably (equal hashes stay in position order), with the
 * hashes in that order: an LSD radix sort that carries each hash with its position, so every
 * pass reads sequentially.
 */
const byHash = (
  hashes: Uint32Array,
  count: number,
): { readonly order: Uint32Array; readonly sorted: Uint32Array } => {
  let order = new Uint32Array(count)
  for (let i = 0; i < count; i++) order[i] = i
  let keys = hashes.slice(0, count)
  let spareOrder = new Uint32Array(count)
  let spareKeys = new Uint32Array(count)
  // Three passes of 11 bits (the last one 10): few passes, and buckets that stay in cache.
  const buckets = new Uint32Array(2049)
  for (let shift = 0; shift < 32; shift += 11) {
    buckets.fill(0)
    for (let i = 0; i < count; i++) buckets[((keys[i]! >>> shift) & 0x7ff) + 1]!++
    for (let b = 1; b < 2049; b++) buckets[b]! += buckets[b - 1]!
    for (let i = 0; i < count; i++) {
      const key = keys[i]!
      const at = buckets[(key >>> shift) & 0x7ff]!++
      spareKeys[at] = key
      spareOrder[at] = order[i]!
    }
    ;[order, spareOrder] = [spareOrder, order]
    ;[keys, spareKeys] = [spareKeys, keys]
  }
  return { order, sorted: keys }
}

/**
 * Finds every id that occurs more than once among `count` ids, given their hashes by position
 * and a way to read each id back: each later occurrence with the position of the first, in
 * position order. Runs in linear time with sequential memory access (a radix sort of the
 * hashes, then a pass over runs of equal hash), so the ingest hot path only appends a hash per
 * event instead of probing a table with a cache miss each.
 *
 * @since 0.1.0
 * @category ingest
 */
export const findRepeats = (
  hashes: Uint32Array,
  count: number,
  idAt: (position: number) => string,
): ReadonlyArray<Repeat> => {
  const { order, sorted } = byHash(hashes, count)
  const repeats: Repeat[] = []
  for (let start = 0; start < count; ) {
    let end = start + 1
    while (end < count && sorted[end] === sorted[start]) end++
    if (end - start > 1) {
      // Equal hashes, mostly equal ids: the first position of each id in this run.
      const firsts = new Map<string, number>()
      for (let i = start; i < end; i++) {
        const position = order[i]!
        const id = idAt(position)
        const first = firsts.get(id)
        if (first === undefined) firsts.set(id, position)
        else repeats.push({ position, first })
      }
    }
    start = end
  }
  return repeats.sort((a, b) => a.position - b.position)
}
