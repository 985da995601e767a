/**
 * Disjoint sets over `0..size-1` (union by size, path halving): `find` gives a set's
 * representative, `union` joins two sets. Near-constant time per call, two typed arrays.
 *
 * @since 0.1.0
 * @category correlation
 */
export interface UnionFind {
  readonly find: (element: number) => number
  /** Joins the sets of `a` and `b`; false when they were one set already. */
  readonly union: (a: number, b: number) => boolean
}

/**
 * Starts `size` singleton sets.
 *
 * @since 0.1.0
 * @category correlation
 */
export const makeUnionFind = (size: number): UnionFind => {
  const parent = new Int32Array(size)
  const weight = new Int32Array(size).fill(1)
  for (let element = 0; element < size; element++) parent[element] = element
  const find = (element: number): number => {
    let at = element
    while (parent[at] !== at) {
      parent[at] = parent[parent[at]!]!
      at = parent[at]!
    }
    return at
  }
  return {
    find,
    union: (a, b) => {
      let rootA = find(a)
      let rootB = find(b)
      if (rootA === rootB) return false
      if (weight[rootA]! < weight[rootB]!) [rootA, rootB] = [rootB, rootA]
      parent[rootB] = rootA
      weight[rootA]! += weight[rootB]!
      return true
    },
  }
}
