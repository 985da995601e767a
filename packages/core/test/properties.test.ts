import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { quantileSorted, queueStats, type SimScenario, simulate, summarizeMillis } from '../src/index.js'
import { analyze } from './support/events.js'
import { story } from './support/story.js'

const small: SimScenario = {
  seed: 3,
  start: '2026-01-01T00:00:00Z',
  days: 6,
  arrivals: { kind: 'poisson', perDay: 8 },
  stages: [
    { name: 'develop', servers: 3, service: { kind: 'exponential', mean: 6 } },
    { name: 'review', servers: 1, service: { kind: 'exponential', mean: 2 }, queue: 'review-queue' },
    {
      name: 'deploy',
      servers: 1,
      service: { kind: 'exponential', mean: 0.5 },
      environment: 'production',
      failureRate: 0.2,
    },
  ],
}

describe('properties of the analysis', () => {
  it('the order of events changes nothing', () => {
    const events = [...story, ...simulate(small).events]
    const expected = analyze(events)
    fc.assert(
      fc.property(
        fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
        (shuffled) => {
          expect(analyze(shuffled)).toEqual(expected)
        },
      ),
      { numRuns: 25 },
    )
  })

  it("Little's law holds on a stationary simulated stream (within 3%)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const report = analyze(
          simulate({ ...small, seed, days: 240, arrivals: { kind: 'poisson', perDay: 6 } }).events,
        )
        for (const stage of report.stages) {
          if (stage.departures < 500) continue
          expect(stage.littleLawDeviation).toBeLessThan(0.03)
        }
      }),
      { numRuns: 5 },
    )
  })

  it('flow efficiency lies in [0, 1] and lead time is never below cycle time', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const report = analyze(simulate({ ...small, seed }).events)
        expect(report.flowEfficiency).toBeGreaterThanOrEqual(0)
        expect(report.flowEfficiency).toBeLessThanOrEqual(1)
        expect(report.leadTime!.p50).toBeGreaterThanOrEqual(report.cycleTime!.p50)
      }),
      { numRuns: 10 },
    )
  })
})

describe('properties of the math', () => {
  it('percentiles are monotone and lie between the minimum and the maximum', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1e9 }), { minLength: 1, maxLength: 200 }), (values) => {
        const summary = summarizeMillis(values)
        const min = Math.min(...values) / 1000
        const max = Math.max(...values) / 1000
        expect(summary.p50).toBeGreaterThanOrEqual(min)
        expect(summary.p85).toBeGreaterThanOrEqual(summary.p50)
        expect(summary.p95).toBeGreaterThanOrEqual(summary.p85)
        expect(summary.p95).toBeLessThanOrEqual(max)
      }),
    )
  })

  it('quantiles interpolate between closest ranks', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5)
    expect(quantileSorted([10, 20, 30, 40, 50], 0.85)).toBeCloseTo(44, 12)
    expect(quantileSorted([7], 0.95)).toBe(7)
    expect(quantileSorted([], 0.5)).toBe(0)
  })

  it('queue growth equals the least-squares slope of the sampled queue size', () => {
    const wait = fc.tuple(
      fc.integer({ min: 0, max: 1000 }),
      fc.option(fc.integer({ min: 0, max: 1000 }), { nil: undefined }),
    )
    fc.assert(
      fc.property(fc.array(wait, { maxLength: 30 }), (raw) => {
        const waits = raw.map(([a, length]) => ({
          stage: 0,
          readyAt: a,
          enter: length === undefined ? undefined : a + length,
          itemDoneAt: undefined,
        }))
        const window = { from: 0, to: 1500 }
        const exact = queueStats(waits, window).growthPerDay
        // Sample the step function finely and fit a line by ordinary least squares.
        const n = 15_000
        let st = 0
        let sq = 0
        let stt = 0
        let stq = 0
        for (let k = 0; k < n; k++) {
          const t = ((k + 0.5) / n) * 1500
          const q = waits.filter((w) => w.readyAt <= t && (w.enter === undefined || w.enter > t)).length
          st += t
          sq += q
          stt += t * t
          stq += t * q
        }
        const sampled = ((n * stq - st * sq) / (n * stt - st * st)) * 86_400_000
        expect(exact).toBeCloseTo(sampled, -Math.log10(Math.max(1, Math.abs(sampled))) + 2)
      }),
      { numRuns: 40 },
    )
  })
})
