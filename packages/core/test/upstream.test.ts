import { Schema } from 'effect'
import { describe, expect, it } from 'vitest'
import {
  multiSourceValueStream,
  type SimScenario,
  type StageEventEncoded,
  simulate,
  UpstreamOptions,
} from '../src/index.js'
import { analyze, ev, stay, T0 } from './support/events.js'

const H = 3600
const stream = multiSourceValueStream

const tagged = (events: StageEventEncoded[], attributes: Record<string, string>) =>
  events.map((event) => ({ ...event, attributes: { ...event.attributes, ...attributes } }))

/**
 * Ten finished items, item k from k hours: refine 1 h, develop 2 h, review 1 h, done at k + 5.
 * i0–i2 are defects (i2 caused by PAY-1); i3 goes back to review once, i4's review had two rounds
 * of changes requested, i5 is reopened into develop after its done. i10 is dropped after 5 h of
 * development.
 */
const finished = (k: number): StageEventEncoded[] => {
  const id = `i${k}`
  const kind = k < 3 ? 'defect' : 'feature'
  return tagged(
    [
      ...stay(id, 'refine', k, k + 1),
      ...stay(id, 'develop', k + 1, k + 3),
      ...stay(id, 'review', k + 3, k + 4, k === 4 ? { attributes: { changesRequested: 2 } } : {}),
      ...(k === 3 ? stay(id, 'review', k + 4, k + 4.5) : []),
      ev(id, 'done', 'enter', k + 5),
      ...(k === 5 ? stay(id, 'develop', k + 6, k + 7) : []),
    ],
    { kind, ...(k === 2 ? { causedBy: 'PAY-1' } : {}) },
  )
}
const team = [
  ...Array.from({ length: 10 }, (_, k) => finished(k)).flat(),
  ...stay('i10', 'develop', 0, 5, { attributes: { abandoned: true } }),
]

describe('upstream signals on hand-computed events', () => {
  const { upstream } = analyze(team, undefined, stream)

  it('failure demand: the share of finished work that is defects, per week, with their causes', () => {
    expect(upstream.failureDemand).toEqual({
      completed: 10,
      defects: 3,
      share: 0.3,
      weekly: [{ week: new Date(T0).toISOString(), completed: 10, defects: 3, share: 0.3 }],
      trendPerWeek: null,
      causes: [{ itemId: 'i2', causedBy: ['PAY-1'] }],
    })
  })

  it('rework: returns and rounds of changes requested per stage, per finished item', () => {
    expect(upstream.rework).toEqual({
      rounds: 4,
      perCompletedItem: 0.4,
      reopened: 1,
      byStage: [
        { stage: 'develop', returns: 1, changesRequested: 0, rounds: 1 },
        { stage: 'review', returns: 1, changesRequested: 2, rounds: 3 },
      ],
    })
  })

  it('abandonment: items dropped and the time spent on them', () => {
    expect(upstream.abandonment).toEqual({
      items: 1,
      share: 1 / 11,
      spentSeconds: 5 * H,
      meanSpentSeconds: 5 * H,
    })
  })

  it('time to clarity: time in the clarity stages the stream has', () => {
    expect(upstream.timeToClarity).toEqual({
      stages: ['refine'],
      totalSeconds: 10 * H,
      meanPerCompletedItemSeconds: H,
      share: 0.2,
    })
  })

  it('names the upstream problem whose signal reaches its threshold, next to the constraint', () => {
    expect(upstream.problems).toEqual([
      {
        signal: 'failure-demand',
        value: 0.3,
        threshold: 0.2,
        sentence: '30% of finished work is fixing earlier work: the constraint is upstream of the code.',
      },
    ])
  })

  it('thresholds and the defect marker are configurable', () => {
    const options = Schema.decodeUnknownSync(UpstreamOptions)({
      failureDemand: { attribute: 'label', values: ['bug'] },
      thresholds: { reworkPerItem: 0.4, clarityShare: 0.2 },
    })
    const labelled = team.map((event) =>
      event.itemId === 'i9' ? { ...event, attributes: { ...event.attributes, label: 'bug' } } : event,
    )
    const report = analyze(labelled, undefined, stream, { upstream: options })
    expect(report.upstream.failureDemand).toMatchObject({ defects: 1, share: 0.1 })
    expect(report.upstream.problems.map((problem) => problem.sentence)).toEqual([
      'Finished items were sent back 0.4 times each: the constraint is upstream of the code.',
      '20% of the time of finished items went waiting for clarity (refine): the constraint is upstream of the code.',
    ])
  })

  it('fewer finished items than the minimum name no problem', () => {
    const few = team.filter((event) => !['i7', 'i8', 'i9'].includes(event.itemId))
    expect(analyze(few, undefined, stream).upstream.problems).toEqual([])
  })
})

describe('upstream signals on a simulated stream with known rework and failure demand', () => {
  const scenario: SimScenario = {
    seed: 11,
    start: '2026-01-05T00:00:00Z',
    days: 28,
    arrivals: { kind: 'poisson', perDay: 6 },
    stages: [
      { name: 'develop', servers: 4, service: { kind: 'exponential', mean: 8 } },
      { name: 'review', servers: 2, service: { kind: 'exponential', mean: 1 }, queue: 'review-queue' },
      { name: 'deploy', servers: 1, service: { kind: 'exponential', mean: 0.5 }, failureRate: 0.25 },
    ],
  }
  // Every fifth item is a defect.
  const events = simulate(scenario).events.map((event) =>
    Number(event.itemId.split('-')[1]) % 5 === 0
      ? { ...event, attributes: { ...event.attributes, kind: 'defect' } }
      : event,
  )
  const doneItems = new Set(events.filter((event) => event.stage === 'done').map((event) => event.itemId))
  const enters = new Map<string, number>()
  for (const event of events) {
    if (event.type !== 'enter' || event.stage === 'done' || !doneItems.has(event.itemId)) continue
    const key = `${event.itemId} ${event.stage}`
    enters.set(key, (enters.get(key) ?? 0) + 1)
  }
  const returns = [...enters.values()].reduce((sum, count) => sum + count - 1, 0)
  const defects = [...doneItems].filter((itemId) => Number(itemId.split('-')[1]) % 5 === 0).length

  it('counts every failed deployment attempt of a finished item as rework, and every fifth item as failure demand', () => {
    const { upstream, items } = analyze(events)
    expect(items.completed).toBe(doneItems.size)
    expect(returns).toBeGreaterThan(10)
    expect(upstream.rework.rounds).toBe(returns)
    expect(upstream.rework.perCompletedItem).toBeCloseTo(returns / doneItems.size, 12)
    expect(upstream.failureDemand.defects).toBe(defects)
    expect(upstream.failureDemand.share).toBeCloseTo(defects / doneItems.size, 12)
    expect(upstream.failureDemand.weekly.reduce((sum, week) => sum + week.defects, 0)).toBe(defects)
  })
})
