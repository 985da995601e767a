import { Effect } from 'effect'
import { describe, expect, it } from 'vitest'
import { analyzeNdjson, nominalFlow, overloadOf, type SimScenario, whatIfNdjson } from '../../src/index.js'
import { lines, team } from '../support/team.js'

const whatIf = (scenario: SimScenario, scenarios: string[]) =>
  Effect.runPromise(
    whatIfNdjson(lines(scenario), { scenarios, replications: 10, horizonDays: 120, warmupDays: 20 }),
  )

describe('stability: an overloaded stage is a growth rate, never a finite lead time', () => {
  it('the nominal flow passes on at most each stage capacity; the overload is the fastest-growing queue', () => {
    const flow = nominalFlow({
      ...team(20),
      stages: [
        { name: 'a', servers: 1, service: { kind: 'constant', mean: 2 } },
        { name: 'b', servers: 2, service: { kind: 'constant', mean: 6 }, failureRate: 0.5 },
        { name: 'c', servers: Number.POSITIVE_INFINITY, service: { kind: 'constant', mean: 1 } },
      ],
    })
    // a finishes 12 a day of 20; b, with two attempts an item, 4 a day of those 12.
    expect(flow).toEqual([
      { name: 'a', demandPerDay: 20, capacityPerDay: 12 },
      { name: 'b', demandPerDay: 12, capacityPerDay: 4 },
      { name: 'c', demandPerDay: 4, capacityPerDay: Number.POSITIVE_INFINITY },
    ])
    expect(overloadOf(flow)).toEqual({
      stage: 'a',
      demandPerDay: 20,
      capacityPerDay: 12,
      queueGrowthPerDay: 8,
    })
    expect(overloadOf(flow.slice(1))).toEqual({
      stage: 'b',
      demandPerDay: 12,
      capacityPerDay: 4,
      queueGrowthPerDay: 8,
    })
    expect(overloadOf(flow.slice(2))).toBeNull()
  })

  it('every result says whether it is stable; an overload names the stage, its demand, capacity and queue growth, checked against the simulated queue', async () => {
    const result = await whatIf(team(15), ['speedup develop=1.4; arrivals 1.4', 'capacity review=+1'])
    const { baseline } = result
    const [more, reviewer] = result.scenarios
    expect([baseline.stable, baseline.overload, baseline.leadTimeP85After]).toEqual([true, null, []])
    expect([reviewer!.stable, reviewer!.overload]).toEqual([true, null])
    const arrivals = baseline.stages[0]!.demandPerDay
    const capacity = (2 * 86_400) / result.fit.model.stages[1]!.meanServiceSeconds
    expect(more!.stable).toBe(false)
    expect(more!.overload!.stage).toBe('review')
    expect(more!.overload!.demandPerDay).toBeCloseTo(arrivals * 1.4, 9)
    expect(more!.overload!.capacityPerDay).toBeCloseTo(capacity, 9)
    expect(more!.overload!.queueGrowthPerDay).toBeCloseTo(arrivals * 1.4 - capacity, 9)
    // The simulated queue in front of review grows at the nominal rate, within 10%.
    const simulated = more!.stages.find((stage) => stage.name === 'review')!.queueGrowthPerDay.mean
    expect(
      Math.abs(simulated - more!.overload!.queueGrowthPerDay) / more!.overload!.queueGrowthPerDay,
    ).toBeLessThan(0.1)
    // Lead time keeps rising: after 90 days of the overload it is more than twice what it is after 30.
    expect(more!.leadTimeP85After.map((entry) => entry.days)).toEqual([30, 90])
    const [after30, after90] = more!.leadTimeP85After.map((entry) => entry.p85.mean)
    expect(after90! / after30!).toBeGreaterThan(2)
    expect(result.simulation).toEqual({ replications: 10, horizonDays: 120, warmupDays: 20, seed: 1 })
  })

  it('an overloaded stream in the data: the fit says so, the baseline is unstable, and only what does not depend on the horizon is compared', async () => {
    const overloaded = team(20)
    const result = await whatIf(overloaded, [])
    const report = await Effect.runPromise(analyzeNdjson(lines(overloaded)))
    const review = report.stages.find((stage) => stage.name === 'review')!
    expect(result.fit.observed.stable).toBe(false)
    expect(result.fit.observed.overload).toEqual({
      stage: 'review',
      demandPerDay: review.throughputPerDay + review.queueGrowthPerDay,
      capacityPerDay: review.throughputPerDay,
      queueGrowthPerDay: review.queueGrowthPerDay,
    })
    expect(result.baseline.stable).toBe(false)
    expect(result.baseline.overload!.stage).toBe('review')
    // Only what does not depend on how long the overload lasted is compared: throughput and the
    // queue's growth (no lead time, no WIP), and they fit.
    expect(result.fit.warnings).toEqual([])
    // A stable stream is not taken for an overloaded one.
    const stable = await whatIf(team(15), [])
    expect([stable.fit.observed.stable, stable.fit.observed.overload, stable.baseline.stable]).toEqual([
      true,
      null,
      true,
    ])
  })

  it('a WIP limit counts as capacity: a stage allowed fewer items at once than it has servers limits, and is named', async () => {
    const result = await whatIf(team(15), ['wip-limit develop=2'])
    const [limited] = result.scenarios
    // Two items at once of about 6 h each: about 8 a day of 15.
    const capacity = (2 * 86_400) / result.fit.model.stages[0]!.meanServiceSeconds
    expect(limited!.stages[0]!.capacityPerDay).toBeCloseTo(capacity, 9)
    expect([limited!.constraint, limited!.limitedBy, limited!.overload!.stage]).toEqual([
      'develop',
      'develop',
      'develop',
    ])
    expect(Math.abs(limited!.throughputPerDay.mean - capacity) / capacity).toBeLessThan(0.05)
    expect(result.baseline.limitedBy).toBeNull()
  })
})
