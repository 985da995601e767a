import { describe, expect, it } from 'vitest'
import { foreignIds, repeatedIds, undecodable, unpairedExits } from '../src/index.js'

const event = (id: string, stage: string, type: 'enter' | 'exit', hour: number, itemId = 'T-1') => ({
  id,
  itemId,
  stage,
  type,
  at: `2026-03-02T${String(hour).padStart(2, '0')}:00:00Z`,
  source: 'toy',
})

// The checks the conformance suite makes, each shown failing on a broken adapter's output.
describe('conformance checks catch broken adapters', () => {
  it('events that do not decode', () => {
    expect(
      undecodable([event('a', 'develop', 'enter', 1), { ...event('b', 'develop', 'exit', 2), at: 'noon' }]),
    ).toEqual(['b'])
  })

  it('an id used for two facts', () => {
    expect(repeatedIds([event('a', 'develop', 'enter', 1), event('a', 'develop', 'exit', 2)])).toEqual(['a'])
    expect(repeatedIds([event('a', 'develop', 'enter', 1), event('b', 'develop', 'exit', 2)])).toEqual([])
  })

  it('an exit with no enter', () => {
    expect(
      unpairedExits([event('a', 'review', 'exit', 2), event('b', 'develop', 'enter', 1, 'T-2')]),
    ).toEqual(['T-1'])
    expect(unpairedExits([event('a', 'review', 'enter', 1), event('b', 'review', 'exit', 2)])).toEqual([])
  })

  it('a webhook event the backfill never yields', () => {
    expect(foreignIds([event('x', 'review', 'enter', 1)], new Set(['a', 'b']))).toEqual(['x'])
    expect(foreignIds([event('a', 'review', 'enter', 1)], new Set(['a', 'b']))).toEqual([])
  })
})
