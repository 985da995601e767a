import { describe, expect, it } from 'vitest'
import { runReplication, runSimulation, type SimRunOptions, type SimScenario } from '../../src/index.js'
import { fitFamilies } from '../support/families.js'

const [, explicit] = fitFamilies(20)[0]!
const moreReviewers: SimScenario = {
  ...explicit,
  stages: explicit.stages.map((stage) => (stage.name === 'review' ? { ...stage, servers: 3 } : stage)),
}

/** Each review's service time, in the order reviews started. */
const reviewTimes = (scenario: SimScenario, options: SimRunOptions) => {
  const started = new Map<number, number>()
  const order: number[] = []
  const times = new Map<number, number>()
  runSimulation(
    scenario,
    {
      start: (item, k, t) => {
        if (k !== 1) return
        started.set(item, t)
        order.push(item)
      },
      finish: (item, k, t) => {
        if (k === 1) times.set(item, t - started.get(item)!)
      },
    },
    options,
  )
  return order.map((item) => times.get(item) ?? 0)
}

const largestGap = (a: ReadonlyArray<number>, b: ReadonlyArray<number>) =>
  Math.max(...a.slice(0, 200).map((value, i) => Math.abs(value - b[i]!)))

describe('common random numbers: a scenario and its baseline draw the same numbers for the same use', () => {
  it('one seed gives review the same service times with two reviewers or three, and different ones without them', () => {
    const common = { commonRandomNumbers: true }
    expect(largestGap(reviewTimes(explicit, common), reviewTimes(moreReviewers, common))).toBeLessThan(1e-9)
    expect(largestGap(reviewTimes(explicit, {}), reviewTimes(moreReviewers, {}))).toBeGreaterThan(0.5)
  })

  it('a what-if replication changes nothing upstream of the change: develop measures the same with one reviewer more', () => {
    const options = { replications: 1, horizonDays: 20, warmupDays: 4, seed: 7 }
    const base = runReplication(explicit, options, 0)
    const changed = runReplication(moreReviewers, options, 0)
    expect([changed.wip[0], changed.waitBefore[0], changed.stageThroughputPerDay[0]]).toEqual([
      base.wip[0],
      base.waitBefore[0],
      base.stageThroughputPerDay[0],
    ])
    expect(changed.wip[1]).not.toEqual(base.wip[1])
  })
})
