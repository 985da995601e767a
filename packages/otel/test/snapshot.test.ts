import { analyzeNdjson } from '@herbie/core'
import { Effect } from 'effect'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AttributeNames as A, MetricNames as M } from '../src/index.js'
import { ev, harness, histogram, value } from './support.js'

const HOUR = 3600

/**
 * Thirty items (the fewest that name a constraint) through develop → review-queue → review: one
 * reviewer, so review is the constraint.
 */
const ITEMS = 30
const items = Array.from({ length: ITEMS }, (_, i) => {
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
    expect(value(metrics, M.itemsCompleted)).toBe(ITEMS)
    expect(histogram(metrics, M.leadTime)).toEqual({
      count: ITEMS,
      sum: items
        .filter((e) => e.stage === 'done')
        .reduce((sum, e, i) => sum + (Date.parse(e.at) - Date.parse(items[i * 7]!.at)) / 1000, 0),
    })
    expect(histogram(metrics, M.stageDuration, { [A.stage]: 'review', [A.activity]: 'work' })).toEqual({
      count: ITEMS,
      sum: ITEMS * 4 * HOUR,
    })
  })

  it('agrees with the analysis on lead time: the same count and the same mean', async () => {
    const report = await analyze(items)
    const { recorder, collect } = harness()
    recorder.recordSnapshot({ report, events: items })
    const lead = histogram(await collect(), M.leadTime)!
    expect(lead.count).toBe(report.leadTime!.count)
    expect(lead.sum! / lead.count).toBeCloseTo(report.leadTime!.mean, 6)
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
        expect(value(metrics, M.itemsCompleted)).toBe(ITEMS)
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

describe('done candidates and abandoned items', () => {
  const repository = 'acme/api'
  const merged = (itemId: string, h: number) =>
    ev(itemId, 'done', 'enter', h, { attributes: { doneRule: 'merge', repository } })
  const deployed = (itemId: string, h: number) =>
    ev(itemId, 'done', 'enter', h, { attributes: { doneRule: 'production-deploy', repository } })
  const events = [
    ev('a', 'develop', 'enter', 0),
    ev('a', 'develop', 'exit', 2),
    merged('a', 3),
    deployed('a', 6),
    ev('b', 'develop', 'enter', 1),
    ev('b', 'develop', 'exit', 2, { attributes: { abandoned: true } }),
  ]

  it('a snapshot takes items done where the analysis does: the production deployment, not the merge', async () => {
    const report = await analyze(events)
    const { recorder, collect } = harness()
    recorder.recordSnapshot({ report, events })
    expect(histogram(await collect(), M.leadTime)).toEqual({ count: 1, sum: 6 * HOUR })
    expect(report.leadTime).toMatchObject({ count: 1, mean: 6 * HOUR })
  })

  it("live, a merge is done until the repository's first production deployment arrives; then only deployments are", async () => {
    const { recorder, collect } = harness()
    for (const event of events) recorder.record(event)
    recorder.record(ev('c', 'develop', 'enter', 4))
    recorder.record(merged('c', 7))
    // a: done at its merge (3 h: no deployment seen yet); c's merge comes after a's deployment.
    expect(histogram(await collect(), M.leadTime)).toEqual({ count: 1, sum: 3 * HOUR })
  })

  it('an abandoned item waits in no queue', async () => {
    const { recorder, collect } = harness()
    for (const event of events.slice(4)) recorder.record(event)
    expect(value(await collect(), M.queue, { [A.stage]: 'review' })).toBe(0)
  })
})
