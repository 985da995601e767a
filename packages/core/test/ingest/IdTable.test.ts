import { describe, expect, it } from 'vitest'
import { makeIdTable } from '../../src/ingest/IdTable.js'

describe('makeIdTable', () => {
  it('finds the position of an id added before, across many growths, and adds the rest in order', () => {
    const ids: string[] = []
    const table = makeIdTable((position) => ids[position]!)
    const add = (id: string) => {
      const found = table.findOrAdd(id)
      if (found === -1) ids.push(id)
      return found
    }
    for (let n = 0; n < 20_000; n++) expect(add(`item-${n}/develop`)).toBe(-1)
    let found = 0
    for (let n = 0; n < 20_000; n += 7) {
      expect(add(`item-${n}/develop`)).toBe(n)
      found++
    }
    expect(found).toBe(2858)
    expect(add('')).toBe(-1)
    expect(add('')).toBe(20_000)
  })
})
