import { Effect, Either, Exit } from 'effect'
import { describe, expect, it } from 'vitest'
import {
  analyzeNdjson,
  applyChanges,
  checkWorkBudget,
  type Estimate,
  estimateSteps,
  itemsPerDay,
  parseScenario,
  type SimScenario,
  type WhatIf,
  type WhatIfOptions,
  whatIfNdjson,
} from '../src/index.js'
import { lines, team } from './support/team.js'

const whatIf = (scenario: SimScenario, scenarios: string[]): Promise<WhatIf> =>
  Effect.runPromise(
    whatIfNdjson(lines(scenario), { scenarios, replications: 12, horizonDays: 120, warmupDays: 20 }),
  )
const overlaps = (a: Estimate, b: Estimate) => a.lo <= b.hi && b.lo <= a.hi
const wait = (outcome: WhatIf['baseline'], stage: string) =>
  outcome.stages.find((s) => s.name === stage)!.waitBefore.mean

describe('scenarios', () => {
  const stages = [
    { name: 'develop', servers: 6 },
    { name: 'review', servers: 2 },
    { name: 'ci', servers: Number.POSITIVE_INFINITY },
  ]
  it('parse into changes; a malformed change or an unknown stage is named', () => {
    expect(
      parseScenario('speedup develop=1.4; capacity review=+1; wip-limit review=5; arrivals 1.2', stages),
    ).toEqual(
      Either.right([
        { kind: 'speedup', stage: 'develop', factor: 1.4 },
        { kind: 'capacity', stage: 'review', servers: 1, relative: true },
        { kind: 'wip-limit', stage: 'review', limit: 5 },
        { kind: 'arrivals', factor: 1.2 },
      ]),
    )
    expect(parseScenario('capacity review=3', stages)).toEqual(
      Either.right([{ kind: 'capacity', stage: 'review', servers: 3, relative: false }]),
    )
    expect(parseScenario('speedup qa=2', stages)).toEqual(
      Either.left('"speedup qa=2": no work stage qa in the model (develop, review, ci)'),
    )
    expect(parseScenario('faster review', stages)).toEqual(
      Either.left(
        '"faster review" is not a change: use speedup STAGE=FACTOR, capacity STAGE=+N or STAGE=N, wip-limit STAGE=N, or arrivals FACTOR',
      ),
    )
    expect(Either.isLeft(parseScenario('speedup develop=0', stages))).toBe(true)
    expect(Either.isLeft(parseScenario(' ; ', stages))).toBe(true)
  })

  it('a change that changes nothing, or cannot be, is refused naming it', () => {
    const refused = (text: string) => parseScenario(text, stages)
    expect(refused('capacity review=0')).toEqual(
      Either.left('"capacity review=0": review needs at least 1 server'),
    )
    expect(refused('capacity review=+0')).toEqual(
      Either.left('"capacity review=+0": adding 0 changes nothing'),
    )
    expect(refused('capacity review=-0')).toEqual(
      Either.left('"capacity review=-0": adding 0 changes nothing'),
    )
    expect(refused('capacity review=2')).toEqual(
      Either.left('"capacity review=2": review already has 2 at once: this changes nothing'),
    )
    expect(refused('capacity review=-2')).toEqual(
      Either.left('"capacity review=-2": review has 2 at once; it needs at least 1 server'),
    )
    expect(refused('speedup develop=1')).toEqual(
      Either.left('"speedup develop=1": a factor of 1 changes nothing'),
    )
    expect(refused('speedup develop=1.0')).toEqual(
      Either.left('"speedup develop=1.0": a factor of 1 changes nothing'),
    )
    expect(refused('arrivals 1')).toEqual(Either.left('"arrivals 1": a factor of 1 changes nothing'))
    expect(refused('wip-limit develop=0')).toEqual(
      Either.left('"wip-limit develop=0": a WIP limit is at least 1'),
    )
    expect(refused('')).toEqual(Either.left('scenario "" has no change'))
    expect(refused('speedup review-queue=2')).toEqual(
      Either.left('"speedup review-queue=2": no work stage review-queue in the model (develop, review, ci)'),
    )
  })

  it('two changes of one kind to one stage (which may cancel out) are refused naming both', () => {
    expect(parseScenario('speedup review=2; speedup review=0.5', stages)).toEqual(
      Either.left(
        '"speedup review=0.5": the scenario already has "speedup review=2" (give one change of each kind per stage)',
      ),
    )
    expect(parseScenario('capacity review=+1; capacity review=-1', stages)).toEqual(
      Either.left(
        '"capacity review=-1": the scenario already has "capacity review=+1" (give one change of each kind per stage)',
      ),
    )
    expect(parseScenario('arrivals 2; arrivals 0.5', stages)).toEqual(
      Either.left(
        '"arrivals 0.5": the scenario already has "arrivals 2" (give one change of each kind per stage)',
      ),
    )
    expect(parseScenario('speedup review=2; capacity review=+1; speedup develop=2', stages)).toEqual(
      Either.right([
        { kind: 'speedup', stage: 'review', factor: 2 },
        { kind: 'capacity', stage: 'review', servers: 1, relative: true },
        { kind: 'speedup', stage: 'develop', factor: 2 },
      ]),
    )
  })

  it('apply to a scenario: speed-ups, servers (never below one), pull limits, arrivals', () => {
    // Built directly: parseScenario refuses capacity review=-5 on a model that knows review's servers.
    const changes = [
      { kind: 'speedup', stage: 'develop', factor: 2 },
      { kind: 'capacity', stage: 'review', servers: -5, relative: true },
      { kind: 'wip-limit', stage: 'ci', limit: 4 },
      { kind: 'arrivals', factor: 2 },
    ] as const
    const changed = applyChanges(team(16), changes)
    expect(changed.speedups).toEqual([{ stage: 'develop', fromDay: 0, factor: 2 }])
    expect(changed.stages.map((stage) => [stage.servers, stage.wipLimit])).toEqual([
      [6, undefined],
      [1, undefined],
      [Number.POSITIVE_INFINITY, 4],
    ])
    expect(changed.arrivals).toEqual({ kind: 'poisson', perDay: 32 })
  })
})

describe('the work a what-if may take', () => {
  const run = (
    scenarios: string[],
    options: Pick<WhatIfOptions, 'replications' | 'horizonDays' | 'replicateWith'> = {},
  ) => Effect.runPromiseExit(whatIfNdjson(lines(team(15)), { scenarios, ...options }))
  const reason = (exit: Exit.Exit<unknown, unknown>) =>
    Exit.isFailure(exit) && exit.cause._tag === 'Fail' ? exit.cause.error : undefined

  it('is refused before anything runs when it would take hours, with the limit in the message', async () => {
    // Any replication that ran would go through here: none may.
    let replicated = 0
    const replicateWith = () => {
      replicated++
      return Promise.reject(new Error('a replication ran'))
    }
    expect(
      reason(await run(['speedup develop=2'], { replications: 100_000, horizonDays: 365, replicateWith })),
    ).toMatchObject({
      _tag: 'ScenarioInvalid',
      reason: expect.stringMatching(
        /^the simulation would take about [\d,]+ steps \(2 scenarios, baseline included, × 100,000 replications × 365 days\); the limit is 1,000,000,000 steps: lower --replications, shorten --horizon or lower the arrivals factor$/,
      ),
    })
    expect(
      reason(await run(['arrivals 100000'], { replications: 2, horizonDays: 30, replicateWith })),
    ).toMatchObject({
      _tag: 'ScenarioInvalid',
      reason: expect.stringMatching(
        /^--scenario "arrivals 100000": one run would bring in about [\d,]+ items \([\d,]+ a day for 30 days\); the limit is 2,000,000 items a run: shorten --horizon or lower the arrivals factor$/,
      ),
    })
    expect(reason(await run([], { replications: 2, horizonDays: 1_000_000, replicateWith }))).toMatchObject({
      _tag: 'ScenarioInvalid',
      reason: expect.stringMatching(
        /^baseline: one run would bring in about [\d,]+ items \([\d,]+ a day for 1,000,000 days\)/,
      ),
    })
    expect(replicated).toBe(0)
  })

  it('estimates steps as items × (3 per stage visit, rework included, + 1)', () => {
    const scenario: SimScenario = {
      ...team(10),
      stages: [
        { name: 'a', servers: 1, service: { kind: 'exponential', mean: 1 } },
        { name: 'b', servers: 1, service: { kind: 'exponential', mean: 1 }, failureRate: 0.5 },
      ],
    }
    expect(itemsPerDay(scenario)).toBe(10)
    expect(estimateSteps(scenario, 30)).toBe(10 * 30 * (1 + 3 + 6))
    expect(itemsPerDay({ ...scenario, arrivals: { kind: 'saturated' } })).toBe(24)
    expect(checkWorkBudget([{ name: 'baseline', scenario }], 20, 30)).toEqual(Either.right(undefined))
  })
})

describe('the Theory of Constraints, on models fitted to streams with a known constraint', () => {
  it('speeding up a non-constraint leaves throughput flat and cuts lead time by no more than the time saved', async () => {
    const result = await whatIf(team(15), ['speedup develop=1.4'])
    const [faster] = result.scenarios
    expect(result.baseline.constraint).toBe('review')
    expect(faster!.throughputPerDay.mean).toBeGreaterThanOrEqual(result.baseline.throughputPerDay.lo)
    expect(faster!.throughputPerDay.mean).toBeLessThanOrEqual(result.baseline.throughputPerDay.hi)
    const saved = (result.fit.model.stages[0]!.meanServiceSeconds * (1 - 1 / 1.4)) as number
    const cut = result.baseline.leadTime.p50.mean - faster!.leadTime.p50.mean
    expect(cut).toBeLessThanOrEqual(saved * 1.05)
  })

  it('when the speed-up also brings more work in, throughput stays at the constraint and its queue grows', async () => {
    const result = await whatIf(team(15), ['speedup develop=1.4; arrivals 1.4'])
    const [more] = result.scenarios
    const reviewCapacity = (2 * 24) / (result.fit.model.stages[1]!.meanServiceSeconds / 3600)
    expect(more!.throughputPerDay.mean).toBeLessThan(reviewCapacity * 1.03)
    expect(more!.throughputPerDay.mean).toBeGreaterThan(reviewCapacity * 0.85)
    expect(wait(more!, 'review')).toBeGreaterThan(wait(result.baseline, 'review') * 2)
    expect(more!.constraint).toBe('review')
  })

  it('capacity at an overloaded constraint raises throughput; enough of it moves the constraint, and the output names it', async () => {
    const result = await whatIf(team(20), ['capacity review=+1', 'capacity review=+3'])
    const [one, three] = result.scenarios
    expect(result.baseline.constraint).toBe('review')
    expect(one!.throughputPerDay.lo).toBeGreaterThan(result.baseline.throughputPerDay.hi)
    // Three reviewers finish about 26 a day; six developers about 24: develop limits now.
    expect(one!.constraint).toBe('develop')
    expect(three!.constraint).toBe('develop')
    expect(overlaps(three!.throughputPerDay, one!.throughputPerDay)).toBe(true)
  })

  it('capacity at a constraint that is not overloaded cuts the wait in front of it, throughput unchanged', async () => {
    const result = await whatIf(team(13), ['capacity review=+1'])
    const [one] = result.scenarios
    expect(overlaps(one!.throughputPerDay, result.baseline.throughputPerDay)).toBe(true)
    expect(wait(one!, 'review')).toBeLessThan(wait(result.baseline, 'review') / 2)
  })

  it('a WIP limit in front of the constraint cuts lead time while throughput holds', async () => {
    const result = await whatIf(team(20), ['wip-limit review=5'])
    const [limited] = result.scenarios
    expect(limited!.leadTime.p85.hi).toBeLessThan(result.baseline.leadTime.p85.lo)
    expect(limited!.throughputPerDay.mean).toBeGreaterThan(result.baseline.throughputPerDay.mean * 0.97)
  })
})

describe('accuracy: predictions against the same stream re-simulated with the change', () => {
  // The truth: the changed stream simulated on four other seeds, measured as the data would be.
  const truth = async (scenario: SimScenario) => {
    const reports = await Promise.all(
      [101, 102, 103, 104].map((seed) =>
        Effect.runPromise(
          analyzeNdjson(lines({ ...scenario, seed }), { from: Date.parse('2026-04-21T00:00:00Z') }),
        ),
      ),
    )
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length
    return {
      throughput: mean(reports.map((report) => report.throughputPerDay ?? 0)),
      leadP85: mean(reports.map((report) => report.leadTime?.p85 ?? 0)),
    }
  }
  const cases: Array<[string, (s: SimScenario) => SimScenario]> = [
    [
      'capacity review=+1',
      (s) => ({ ...s, stages: s.stages.map((st) => (st.name === 'review' ? { ...st, servers: 3 } : st)) }),
    ],
    ['speedup develop=1.4', (s) => ({ ...s, speedups: [{ stage: 'develop', fromDay: 0, factor: 1.4 }] })],
    ['arrivals 1.2', (s) => ({ ...s, arrivals: { kind: 'poisson', perDay: 12 * 1.2 } })],
  ]
  it.each(cases)('%s: throughput within 10%, lead time p85 within 25%', async (text, change) => {
    const result = await whatIf(team(12), [text])
    const predicted = result.scenarios[0]!
    const actual = await truth(change(team(12)))
    expect(Math.abs(predicted.throughputPerDay.mean - actual.throughput) / actual.throughput).toBeLessThan(
      0.1,
    )
    expect(Math.abs(predicted.leadTime.p85.mean - actual.leadP85) / actual.leadP85).toBeLessThan(0.25)
  })
})
