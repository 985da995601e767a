import { describe, expect, it } from 'vitest'
import { DAY_MS, periodEvidence, type SimScenario, simulate } from '../../src/index.js'
import { analyze } from '../support/events.js'
import { randomScenario } from '../support/scenarios.js'
import { changesIn, streamOf, totalsOf } from '../support/timelineStreams.js'

const START = '2026-01-05T00:00:00Z'
const CHANGE_DAY = 30
const changeAt = Date.parse(START) + CHANGE_DAY * DAY_MS

const scenario = (stages: SimScenario['stages'], extra: Partial<SimScenario> = {}): SimScenario => ({
  seed: 7,
  start: START,
  days: 60,
  arrivals: { kind: 'poisson', perDay: 20 },
  stages,
  ...extra,
})

const daysOff = (iso: string) => Math.abs(Date.parse(iso) - changeAt) / DAY_MS

describe('the constraint timeline on streams whose constraint moves on a known day', () => {
  it("review's capacity halves on day 30: develop until then, review since, the change found within 3 days", () => {
    const sim = scenario(
      [
        { name: 'develop', servers: 4, service: { kind: 'exponential', mean: (0.75 * 4 * 24) / 20 } },
        {
          name: 'review',
          servers: 1,
          service: { kind: 'exponential', mean: (0.45 * 24) / 20 },
          queue: 'review-queue',
        },
        { name: 'ci', servers: Number.POSITIVE_INFINITY, service: { kind: 'lognormal', mean: 0.5, cv: 0.3 } },
      ],
      { speedups: [{ stage: 'review', fromDay: CHANGE_DAY, factor: 0.5 }] },
    )
    const report = analyze(simulate(sim).events, undefined, streamOf(sim))
    const timeline = report.constraintTimeline
    expect(timeline.map((period) => period.stage)).toEqual(['develop', 'review'])
    const change = timeline[1]!.change!
    expect(daysOff(change.at)).toBeLessThanOrEqual(3)
    expect(Date.parse(change.earliest)).toBeLessThanOrEqual(Date.parse(change.at))
    expect(Date.parse(change.latest)).toBeGreaterThanOrEqual(Date.parse(change.at))
    expect(timeline[0]!.from).toBe(report.window.from)
    expect(timeline[0]!.to).toBe(timeline[1]!.from)
    expect(timeline[1]!.from).toBe(change.at)
    expect(timeline[1]!.to).toBe(report.window.to)
    expect(timeline[0]!.change).toBeNull()
  })

  it('develop speeds up 1.6 times on day 30: develop until then, review since', () => {
    const sim = scenario(
      [
        { name: 'develop', servers: 4, service: { kind: 'exponential', mean: (1.2 * 4 * 24) / 20 } },
        {
          name: 'review',
          servers: 2,
          service: { kind: 'exponential', mean: (0.85 * 2 * 24) / 20 },
          queue: 'review-queue',
        },
        { name: 'ci', servers: Number.POSITIVE_INFINITY, service: { kind: 'lognormal', mean: 0.5, cv: 0.3 } },
      ],
      { speedups: [{ stage: 'develop', fromDay: CHANGE_DAY, factor: 1.6 }] },
    )
    const report = analyze(simulate(sim).events, undefined, streamOf(sim))
    const timeline = report.constraintTimeline
    expect(timeline.map((period) => period.stage)).toEqual(['develop', 'review'])
    expect(daysOff(timeline[1]!.change!.at)).toBeLessThanOrEqual(3)
  })
})

describe('arrivals rise on a known day', () => {
  // A second flow of items joins on day 30 with the same stages: 60% more arrivals. The stream
  // declares each stage's capacity, so the extra items load the same servers in the analysis.
  const first = scenario([
    { name: 'develop', servers: 4, service: { kind: 'exponential', mean: (0.55 * 4 * 24) / 20 } },
    {
      name: 'review',
      servers: 2,
      service: { kind: 'exponential', mean: (0.35 * 2 * 24) / 20 },
      queue: 'review-queue',
    },
  ])
  const extra: SimScenario = {
    ...first,
    seed: 8,
    start: new Date(changeAt).toISOString(),
    days: 30,
    arrivals: { kind: 'poisson', perDay: 12 },
    itemPrefix: 'extra',
  }
  const events = [...simulate(first).events, ...simulate(extra).events]
  const stream = streamOf(first, { develop: 4, review: 2 })

  it('finds the change within 3 days; the constraint does not move, so one period', () => {
    const changes = changesIn(events, stream)
    expect(changes.length).toBe(1)
    expect(Math.abs(changes[0]!.at - CHANGE_DAY)).toBeLessThanOrEqual(3)
    const report = analyze(events, undefined, stream)
    expect(report.constraintTimeline.map((period) => period.stage)).toEqual(['develop'])
  })
})

describe('streams that do not change', () => {
  it('a one-constraint stream gives one period: the whole window and its constraint', () => {
    const sim = scenario([
      { name: 'develop', servers: 4, service: { kind: 'exponential', mean: (0.5 * 4 * 24) / 20 } },
      {
        name: 'review',
        servers: 1,
        service: { kind: 'exponential', mean: (0.9 * 24) / 20 },
        queue: 'review-queue',
      },
    ])
    const report = analyze(simulate(sim).events, undefined, streamOf(sim))
    expect(report.constraint.stage).toBe('review')
    expect(report.constraintTimeline).toEqual([
      {
        from: report.window.from,
        to: report.window.to,
        stage: 'review',
        confidence: report.constraint.confidence,
        missing: null,
        evidence: report.constraint.evidence,
        change: null,
      },
    ])
  })

  it('50 seeded stationary streams (stable and overloaded, five families) give at most 1 false change', async () => {
    let falseChanges = 0
    for (let seed = 1; seed <= 50; seed++) {
      // Let vitest's worker answer between streams: the loop is a few seconds of work.
      await new Promise((resolve) => setImmediate(resolve))
      const { scenario: sim, stream } = randomScenario(seed + 1000)
      falseChanges += changesIn(simulate({ ...sim, days: 40 }).events, stream).length
    }
    expect(falseChanges).toBe(0)
  })
})

describe('daily totals', () => {
  it("summed over every day, they give the whole window's evidence", () => {
    const sim = scenario([
      { name: 'develop', servers: 3, service: { kind: 'exponential', mean: (0.7 * 3 * 24) / 20 } },
      {
        name: 'review',
        servers: 1,
        service: { kind: 'exponential', mean: (0.95 * 24) / 20 },
        queue: 'review-queue',
      },
    ])
    const { index, evidence, totals } = totalsOf(simulate({ ...sim, days: 20 }).events, streamOf(sim))
    const whole = periodEvidence(totals, index, evidence, 0, totals.days).evidence
    expect(whole.map((stage) => stage.stage)).toEqual(['develop', 'review'])
    whole.forEach((stage, order) => {
      const expected = evidence[order]!
      for (const key of Object.keys(expected) as Array<keyof typeof expected>) {
        const value = expected[key]
        if (typeof value === 'number') expect(stage[key], key).toBeCloseTo(value, 6)
        else expect(stage[key], key).toBe(value)
      }
    })
  })
})
