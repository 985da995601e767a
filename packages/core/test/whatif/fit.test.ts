import { Effect } from 'effect'
import { describe, expect, it } from 'vitest'
import { replicate, type SimScenario, type WhatIf, whatIfNdjson } from '../../src/index.js'
import { fitFamilies } from '../support/families.js'
import { lines } from '../support/team.js'

const off = (value: number, truth: number) => Math.abs(value - truth) / truth

const FIT_FAMILIES = fitFamilies(180)

describe('the fitted model reproduces the data it was fitted to', () => {
  it.each(FIT_FAMILIES)(
    '%s: throughput within 5%, lead time p50 and p85 within 10% when stable, no fit warning',
    async (_, scenario) => {
      const result = await Effect.runPromise(
        whatIfNdjson(lines(scenario), { scenarios: [], replications: 10 }),
      )
      const { simulated, observed } = result.fit
      expect(result.fit.warnings).toEqual([])
      expect(off(simulated.throughputPerDay.mean, observed.throughputPerDay)).toBeLessThan(0.05)
      if (!observed.stable) return
      expect(off(simulated.leadTime.p50.mean, observed.leadTime.p50)).toBeLessThan(0.1)
      expect(off(simulated.leadTime.p85.mean, observed.leadTime.p85)).toBeLessThan(0.1)
    },
  )

  it('tells a stage with unlimited concurrency from a fixed team, and finds the overload in the data', async () => {
    const fitted = await Promise.all(
      FIT_FAMILIES.map(([, scenario]) =>
        Effect.runPromise(whatIfNdjson(lines(scenario), { scenarios: [], replications: 2 })),
      ),
    )
    expect(
      fitted.map((result) => result.fit.model.stages.map((stage) => [stage.name, stage.servers])),
    ).toEqual([
      [
        ['develop', 4],
        ['review', 2],
        ['deploy', 1],
      ],
      [
        ['develop', 4],
        ['review', 2],
        ['deploy', 1],
      ],
      // The default stream puts review before CI, whatever order the data shows.
      [
        ['develop', 4],
        ['review', 2],
        ['ci', null],
      ],
      [
        ['develop', 4],
        ['review', 2],
        ['deploy', 1],
      ],
      [
        ['develop', 6],
        ['review', 2],
        ['deploy', 1],
      ],
    ])
    expect(fitted.map((result) => [result.fit.observed.stable, result.baseline.stable])).toEqual([
      [true, true],
      [true, true],
      [true, true],
      [true, true],
      [false, false],
    ])
  })
})

describe('accuracy on the same families: predictions against the stream re-simulated with the change', () => {
  // The truth: the stream re-simulated, with and without the change, 64 times on seeds other
  // than the data's and the model's (101 on), each measured as the data would be (from day 20).
  // One stream's lead time p85 is noisy (the ratio of two varies by 8% to 16% from seed to seed,
  // one standard deviation), so the truth needs many: 4 re-simulated streams put it 11% off for
  // speedup develop=1.4 with unlimited CI. The simulator's own measurement (lead time from the
  // first visible event, as the fit checks above hold it to the data's) makes 64 cheap.
  const truth = (scenario: SimScenario) => {
    const outcome = replicate(scenario, { replications: 64, horizonDays: 180, warmupDays: 20, seed: 101 })
    return { throughput: outcome.throughputPerDay.mean, leadP85: outcome.leadTime.p85.mean }
  }
  const changes: ReadonlyArray<readonly [string, (scenario: SimScenario) => SimScenario]> = [
    [
      'capacity review=+1',
      (s) => ({
        ...s,
        stages: s.stages.map((stage) => (stage.name === 'review' ? { ...stage, servers: 3 } : stage)),
      }),
    ],
    ['speedup develop=1.4', (s) => ({ ...s, speedups: [{ stage: 'develop', fromDay: 0, factor: 1.4 }] })],
    [
      'arrivals 1.1',
      (s) => ({
        ...s,
        arrivals: { kind: 'poisson', perDay: (s.arrivals.kind === 'poisson' ? s.arrivals.perDay : 0) * 1.1 },
      }),
    ],
  ]
  // Each family is fitted once with the three scenarios, 32 replications each (with 12, the
  // predicted ratio of capacity review=+1 on explicit queues was 6% under what 48 give), and its
  // baseline's truth is measured once.
  const fitted = new Map<string, Promise<WhatIf>>()
  const baseTruth = new Map<string, ReturnType<typeof truth>>()
  const predictionOf = (family: string, scenario: SimScenario) => {
    if (!fitted.has(family)) {
      fitted.set(
        family,
        Effect.runPromise(
          whatIfNdjson(lines(scenario), { scenarios: changes.map(([text]) => text), replications: 32 }),
        ),
      )
    }
    return fitted.get(family)!
  }
  const truthOf = (family: string, scenario: SimScenario) => {
    if (!baseTruth.has(family)) baseTruth.set(family, truth(scenario))
    return baseTruth.get(family)!
  }
  const cases = FIT_FAMILIES.flatMap(([family, scenario]) =>
    changes.map(([text, change], k) => [family, text, scenario, change, k] as const),
  )
  it.each(cases)(
    '%s, %s: throughput within 10%, and when stable lead time p85 over the baseline within 10% of the re-simulated ratio',
    async (family, _, scenario, change, k) => {
      const result = await predictionOf(family, scenario)
      await new Promise(setImmediate)
      const base = truthOf(family, scenario)
      await new Promise(setImmediate)
      const actual = truth(change(scenario))
      const predicted = result.scenarios[k]!
      expect(off(predicted.throughputPerDay.mean, actual.throughput)).toBeLessThan(0.1)
      if (!predicted.stable || !result.baseline.stable) return
      const ratio = predicted.leadTime.p85.mean / result.baseline.leadTime.p85.mean
      expect(off(ratio, actual.leadP85 / base.leadP85)).toBeLessThan(0.1)
    },
    120_000,
  )
})
