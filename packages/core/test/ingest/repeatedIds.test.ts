import { describe, expect, it } from 'vitest'
import { findRepeats, hashId } from '../../src/ingest/repeatedIds.js'

const repeatsOf = (ids: ReadonlyArray<string>, hash: (id: string) => number) =>
  findRepeats(Uint32Array.from(ids, hash), ids.length, (position) => ids[position]!)

describe('findRepeats', () => {
  it('gives each later occurrence of an id with its first position, in position order', () => {
    const ids = Array.from(
      { length: 30_000 },
      (_, n) => `item-${n % 10_000}/develop/${n < 20_000 ? 'enter' : 'exit'}`,
    )
    const repeats = repeatsOf(ids, (id) => hashId(id, 0x811c9dc5))
    expect(repeats).toHaveLength(10_000)
    expect(repeats[0]).toEqual({ position: 10_000, first: 0 })
    expect(repeats.at(-1)).toEqual({ position: 19_999, first: 9_999 })
  })

  it('tells ids apart that share a hash, and stays linear when one id repeats many times', () => {
    const ids = ['a', 'b', 'a', 'c', 'b', 'a', ...Array.from({ length: 100_000 }, () => 'same')]
    const repeats = repeatsOf(ids, () => 7)
    expect(repeats.slice(0, 3)).toEqual([
      { position: 2, first: 0 },
      { position: 4, first: 1 },
      { position: 5, first: 0 },
    ])
    expect(repeats).toHaveLength(3 + 99_999)
    expect(repeats.at(-1)).toEqual({ position: 100_005, first: 6 })
  })
})
