import { describe, expect, it } from 'vitest'
import { makeIdTable } from '../../src/ingest/IdTable.js'

describe('makeIdTable', () => {
  it('finds the value held under an id, across many growths, and adds the rest', () => {
    const table = makeIdTable<{ id: string; n: number }>()
    for (let n = 0; n < 20_000; n++) expect(table.findOrAdd({ id: `item-${n}/develop`, n })).toBeUndefined()
    let found = 0
    for (let n = 0; n < 20_000; n += 7) {
      const held = table.findOrAdd({ id: `item-${n}/develop`, n: -1 })
      expect(held).toEqual({ id: `item-${n}/develop`, n })
      found++
    }
    expect(found).toBe(2858)
    expect(table.findOrAdd({ id: '', n: 0 })).toBeUndefined()
    expect(table.findOrAdd({ id: '', n: 1 })).toEqual({ id: '', n: 0 })
  })
})
