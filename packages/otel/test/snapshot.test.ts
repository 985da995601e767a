import { analyzeNdjson } from '@herbie/core'
import { Effect } from 'effect'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AttributeNames as A, MetricNames as M } from '../src/index.js'
import { ev, harness, histogram, value } from './support.js'

const HOUR = 3600

/** Twelve items through develop → review-queue → review: one reviewer, so review is the constraint. */
const items = Array.from({ length: 12 }, (_, i) => {
  const start = i * 2
  const reviewStart = 10 + i * 4
  return [
    ev(`I${i}`, 'develop', 'enter', start),
    ev(`I${i}`, 'develop', 'exit', start + 1),
    ev(`I${i}`, 'review-queue', 'enter', start + 1),
    ev(`I${i}`, 'review-queue', 'exit', reviewStart),
    ev(`I${i}`, 'review', 'enter', reviewStart),
    ev(`I${i}`, 'review', 'exit', reviewStart + 4),
    ev(`I${i}`, 'done', 'enter', reviewStart + 4),
  ]
}).flat()

const analyze = (events: ReadonlyArray<object>) =>
  Effect.runPromise(analyzeNdjson([events.map((event) => JSON.stringify(event)).join('\n')]))

describe('recordSnapshot', () => {
  it('records the events once and shows the analysis: the constraint, its score and flow efficiency', async () => {
    const report = await analyze(items)
    const { recorder, collect } = harness()
    recorder.recordSnapshot({ report, events: items })
    recorder.recordSnapshot({ report, events: items })
    const metrics = await collect()
    expect(report.constraint.stage).toBe('review')
    expect(value(metrics, M.constraint, { [A.stage]: 'review' })).toBe(1)
    expect(value(metrics, M.constraint, { [A.stage]: 'develop' })).toBe(0)
    const reviewScore = report.constraint.ranking.find((ranked) => ranked.stage === 'review')!.score
    expect(value(metrics, M.constraintScore, { [A.stage]: 'review' })).toBe(reviewScore)
    expect(value(metrics, M.flowEfficiency)).toBe(report.flowEfficiency)
    expect(value(metrics, M.itemsCompleted)).toBe(12)
    expect(histogram(metrics, M.leadTime)).toEqual({
      count: 12,
      sum: items
        .filter((e) => e.stage === 'done')
        .reduce((sum, e, i) => sum + (Date.parse(e.at) - Date.parse(items[i * 7]!.at)) / 1000, 0),
    })
    expect(histogram(metrics, M.stageDuration, { [A.stage]: 'review', [A.activity]: 'work' })).toEqual({
      count: 12,
      sum: 12 * 4 * HOUR,
    })
  })

  it('agrees with the analysis on lead time: the same count and the same mean', async () => {
    const report = await analyze(items)
    const { recorder, collect } = harness()
    recorder.recordSnapshot({ report, events: items })
    const lead = histogram(await collect(), M.leadTime)!
    expect(lead.count).toBe(report.leadTime.count)
    expect(lead.sum! / lead.count).toBeCloseTo(report.leadTime.mean, 6)
  })
})

describe('properties', () => {
  it('any order of arrival changes no stage time', async () => {
    const reference = harness()
    for (const event of items) reference.recorder.record(event)
    const expected = await reference.collect()
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray(items, { minLength: items.length }), async (shuffled) => {
        const { recorder, collect } = harness()
        for (const event of shuffled) recorder.record(event)
        const metrics = await collect()
        for (const stageName of ['develop', 'review-queue', 'review']) {
          const attributes = {
            [A.stage]: stageName,
            [A.activity]: stageName === 'review-queue' ? 'wait' : 'work',
          }
          expect(histogram(metrics, M.stageDuration, attributes)).toEqual(
            histogram(expected, M.stageDuration, attributes),
          )
        }
      }),
      { numRuns: 30 },
    )
  })

  it('items interleaved in any way (each in its own order) change no histogram and no counter', async () => {
    const reference = harness()
    for (const event of items) reference.recorder.record(event)
    const expected = await reference.collect()
    const keys = fc.array(fc.double({ noNaN: true }), { minLength: items.length, maxLength: items.length })
    await fc.assert(
      fc.asyncProperty(keys, async (random) => {
        // Each item keeps its own order: its events take its share of the keys, sorted.
        const byItem = new Map<string, number[]>()
        for (const [i, event] of items.entries()) {
          byItem.set(event.itemId, [...(byItem.get(event.itemId) ?? []), random[i]!])
        }
        for (const list of byItem.values()) list.sort((a, b) => a - b)
        const keyed = items.map((event) => ({ event, key: byItem.get(event.itemId)!.shift()! }))
        keyed.sort((a, b) => a.key - b.key)
        const { recorder, collect } = harness()
        for (const { event } of keyed) recorder.record(event)
        const metrics = await collect()
        for (const name of [M.leadTime, M.cycleTime])
          expect(histogram(metrics, name)).toEqual(histogram(expected, name))
        expect(value(metrics, M.itemsCompleted)).toBe(12)
        expect(value(metrics, M.flowEfficiency)).toBeCloseTo(value(expected, M.flowEfficiency)!, 12)
      }),
      { numRuns: 30 },
    )
  })

  it('any stay of any length is recorded with exactly its length in seconds', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 5_000_000 }),
        async (start, length) => {
          const { recorder, collect } = harness()
          const at = (seconds: number) =>
            new Date(Date.parse('2026-01-01T00:00:00Z') + seconds * 1000).toISOString()
          recorder.record({
            id: 'a',
            itemId: 'X',
            stage: 'review',
            type: 'enter',
            at: at(start),
            source: 'p',
          })
          recorder.record({
            id: 'b',
            itemId: 'X',
            stage: 'review',
            type: 'exit',
            at: at(start + length),
            source: 'p',
          })
          expect(
            histogram(await collect(), M.stageDuration, { [A.stage]: 'review', [A.activity]: 'work' }),
          ).toEqual({
            count: 1,
            sum: length,
          })
        },
      ),
      { numRuns: 50 },
    )
  })
})
