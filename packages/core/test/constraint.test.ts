import { describe, expect, it } from 'vitest'
import { type SimScenario, simulate } from '../src/index.js'
import { analyze } from './support/events.js'
import { FAMILIES, randomScenario } from './support/scenarios.js'

const detect = (seed: number) => {
  const { scenario, stream, family } = randomScenario(seed)
  const result = simulate(scenario)
  const report = analyze(result.events, undefined, stream)
  return { family, truth: result.constraint, found: report.constraint.stage, report }
}

const SCENARIOS = 60

describe('constraint detection on simulated streams with a known constraint', () => {
  const outcomes = Array.from({ length: SCENARIOS }, (_, seed) => detect(seed + 1))

  it(`names the true constraint in at least 95% of ${SCENARIOS} seeded scenarios`, () => {
    const misses = outcomes.filter((outcome) => outcome.found !== outcome.truth)
    const accuracy = 1 - misses.length / outcomes.length
    expect(
      accuracy,
      `misses: ${misses.map((m) => `${m.family}: truth ${m.truth}, found ${m.found}`).join('; ')}`,
    ).toBeGreaterThanOrEqual(0.95)
  })

  it('covers every family, explicit and implicit queues, stable and overloaded', () => {
    for (const family of FAMILIES)
      expect(outcomes.filter((outcome) => outcome.family === family).length).toBeGreaterThanOrEqual(10)
  })

  it('is confident when it is right', () => {
    const right = outcomes.filter((outcome) => outcome.found === outcome.truth)
    const mean = right.reduce((sum, outcome) => sum + outcome.report.constraint.confidence, 0) / right.length
    expect(mean).toBeGreaterThan(0.5)
    for (const outcome of outcomes) {
      expect(outcome.report.constraint.confidence).toBeGreaterThanOrEqual(0)
      expect(outcome.report.constraint.confidence).toBeLessThanOrEqual(1)
    }
  })
})

const base = (stages: SimScenario['stages']): SimScenario => ({
  seed: 42,
  start: '2026-01-01T00:00:00Z',
  days: 60,
  arrivals: { kind: 'poisson', perDay: 20 },
  stages,
})

const streamOf = (scenario: SimScenario) => ({
  stages: [
    ...scenario.stages.flatMap((stage) => [
      ...(stage.queue === undefined ? [] : [{ name: stage.queue, activity: 'wait' as const }]),
      { name: stage.name, activity: 'work' as const },
    ]),
    { name: 'done', activity: 'wait' as const },
  ] as [{ name: string; activity: 'work' | 'wait' }],
  commitment: scenario.stages[0]!.name,
  done: 'done',
})

describe('what is not the constraint', () => {
  it('a 45-minute stage with unlimited runners is not the constraint; a 20-minute single-approver review is', () => {
    const scenario = base([
      { name: 'develop', servers: 10, service: { kind: 'lognormal', mean: 6, cv: 0.6 } },
      { name: 'ci', servers: Number.POSITIVE_INFINITY, service: { kind: 'lognormal', mean: 0.75, cv: 0.2 } },
      {
        name: 'review',
        servers: 1,
        service: { kind: 'exponential', mean: 1 / 3 + 0.7 },
        queue: 'review-queue',
      },
    ])
    const report = analyze(simulate(scenario).events, undefined, streamOf(scenario))
    expect(report.constraint.stage).toBe('review')
    expect(report.constraint.ranking.map((entry) => entry.stage)).toContain('ci')
    const ci = report.constraint.ranking.find((entry) => entry.stage === 'ci')!
    expect(ci.waitShare).toBe(0)
  })

  it('a short stage with no queue is not the constraint even with one server', () => {
    const scenario = base([
      { name: 'develop', servers: 8, service: { kind: 'exponential', mean: 8.6 } },
      { name: 'deploy', servers: 1, service: { kind: 'constant', mean: 0.05 }, queue: 'deploy-queue' },
      { name: 'test', servers: 2, service: { kind: 'exponential', mean: 2.2 }, queue: 'test-queue' },
    ])
    const report = analyze(simulate(scenario).events, undefined, streamOf(scenario))
    expect(report.constraint.stage).toBe('test')
    expect(report.constraint.evidence[0]).toMatch(/of lead time is spent waiting for test/)
  })

  it('with no finished work no constraint is named, and the report says what is missing', () => {
    const report = analyze([])
    expect(report.constraint).toEqual({
      stage: null,
      missing: 'No item was done in the window; at least 30 are needed to name a constraint.',
      confidence: 0,
      ranking: [],
      evidence: [],
      notToOptimise: [],
    })
  })
})

describe('a saturated stage', () => {
  it('developers who always have a next item are the constraint when review keeps up, even though items wait for review', () => {
    const scenario: SimScenario = {
      ...base([
        { name: 'develop', servers: 30, service: { kind: 'lognormal', mean: 24, cv: 0.6 } },
        {
          name: 'review',
          servers: 4,
          service: { kind: 'exponential', mean: (0.96 * 4 * 24) / 30 },
          queue: 'review-queue',
        },
      ]),
      arrivals: { kind: 'saturated' },
      days: 40,
    }
    const report = analyze(simulate(scenario).events, undefined, streamOf(scenario))
    const review = report.constraint.ranking.find((entry) => entry.stage === 'review')!
    // Review keeps up (loaded at about 95%) yet a tenth of lead time waits for it; develop's wait
    // is in the backlog, which has no events, and its developers are never idle.
    expect(review.utilisation).toBeGreaterThan(0.9)
    expect(review.waitShare).toBeGreaterThan(0.1)
    expect(report.constraint.ranking.find((entry) => entry.stage === 'develop')!.waitShare).toBe(0)
    expect(report.constraint.stage).toBe('develop')
    expect(report.constraint.evidence[0]).toBe(
      'develop was never idle (100% busy, 30 at a time): work always waited for it, in a backlog the events do not show.',
    )
  })
})
