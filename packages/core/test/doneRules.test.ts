import { describe, expect, it } from 'vitest'
import { doneRuleOf, type StageEventEncoded } from '../src/index.js'
import { analyze, ev, stage, stay } from './support/events.js'

const H = 3600
const API = 'acme/api'
const LIB = 'acme/lib'

const candidate = (itemId: string, hours: number, doneRule: string, repository?: string) =>
  ev(itemId, 'done', 'enter', hours, {
    attributes: { doneRule, ...(repository === undefined ? {} : { repository }) },
  })

const deployed = (itemId: string, enter: number, exit: number) =>
  stay(itemId, 'deploy', enter, exit, { outcome: 'success', attributes: { environment: 'production' } })

/**
 * acme/api deploys: #1 merged at 6 and deployed to production at 9; #2 merged at 7, not deployed
 * yet. acme/lib never deploys: #1 merged at 8; #2 closed unmerged at 5.
 */
const twoRepositories: StageEventEncoded[] = [
  ...stay('api#1', 'develop', 0, 2),
  ...stay('api#1', 'review', 3, 5),
  candidate('api#1', 6, 'merge', API),
  ...deployed('api#1', 8, 9),
  candidate('api#1', 9, 'production-deploy', API),
  ...stay('api#2', 'develop', 1, 3),
  ...stay('api#2', 'review', 4, 6),
  candidate('api#2', 7, 'merge', API),
  ...stay('lib#1', 'develop', 0, 4),
  ...stay('lib#1', 'review', 5, 7),
  candidate('lib#1', 8, 'merge', LIB),
  ...stay('lib#2', 'develop', 2, 3),
  ...stay('lib#2', 'review', 4, 5, { attributes: { abandoned: true, repository: LIB } }),
]

describe('where an item is done follows the data', () => {
  it('a repository with production deployments is done at the first successful one; one without, at the merge', () => {
    const report = analyze(twoRepositories)
    expect(report.items).toEqual({ total: 4, completed: 2, inProgress: 1, abandoned: 1 })
    // api#1: 0 → 9 h (its merge at 6 is not done: acme/api deploys); lib#1: 0 → 8 h.
    expect(report.leadTime).toMatchObject({ count: 2, p50: 8.5 * H, mean: 8.5 * H })
    expect(report.leadTime!.p95).toBeCloseTo(8.95 * H, 9)
    expect(report.done).toEqual({
      rule: 'mixed',
      scopes: [
        { scope: API, rule: 'production-deploy' },
        { scope: LIB, rule: 'merge' },
      ],
      sentence:
        "Done is an item's first successful production deployment in acme/api; the merge in acme/lib, which has no production deployments.",
    })
    expect(report.warnings).toEqual([])
  })

  it('without any production deployment every merge is done, and the report says so', () => {
    const merges = twoRepositories.filter(
      (event) => event.attributes?.doneRule !== 'production-deploy' && event.stage !== 'deploy',
    )
    const report = analyze(merges)
    expect(report.items).toEqual({ total: 4, completed: 3, inProgress: 0, abandoned: 1 })
    expect(report.leadTime!.count).toBe(3)
    expect(report.leadTime!.mean).toBeCloseTo(((6 + 6 + 8) / 3) * H, 9) // api#1 0→6, api#2 1→7, lib#1 0→8
    expect(report.done.rule).toBe('merge')
    expect(report.done.sentence).toBe(
      'Done is the merge in acme/api, acme/lib, which have no production deployments.',
    )
  })

  it('a production candidate that names no repository decides for every repository', () => {
    const global = twoRepositories.map((event) =>
      event.attributes?.doneRule === 'production-deploy'
        ? { ...event, attributes: { doneRule: 'production-deploy' } }
        : event,
    )
    const report = analyze(global)
    expect(report.items.completed).toBe(1) // api#1 only: lib#1's merge no longer counts
    expect(report.done.rule).toBe('production-deploy')
    expect(report.done.scopes).toEqual([{ scope: '', rule: 'production-deploy' }])
  })

  it('done events that name no rule are done, as before', () => {
    const report = analyze([...stay('x', 'develop', 0, 2), ev('x', 'done', 'enter', 3)])
    expect(report.items.completed).toBe(1)
    expect(report.done).toEqual({
      rule: 'done-stage',
      scopes: [],
      sentence: 'Done is the entry into the done stage.',
    })
  })

  it('a second production deployment of a done item is no warning; the first one counts', () => {
    const report = analyze([
      ...stay('x', 'develop', 0, 2),
      candidate('x', 4, 'production-deploy', API),
      candidate('x', 9, 'production-deploy', API),
    ])
    expect(report.warnings).toEqual([])
    expect(report.leadTime!.p50).toBe(4 * H)
  })
})

describe("an issue tracker's Done", () => {
  it('is the known rule tracker, and a tracker candidate counts like a done enter without a rule', () => {
    expect(doneRuleOf({ attributes: { doneRule: 'tracker' } })).toBe('tracker')
    expect(doneRuleOf({ attributes: { doneRule: 'trackers' } })).toBeUndefined()
    const report = analyze([
      ...stay('jira:PAY-142', 'develop', 0, 6),
      candidate('jira:PAY-142', 6, 'tracker'),
      ...stay('api#2', 'develop', 1, 3),
      candidate('api#2', 4, 'merge', API),
    ])
    expect(report.items).toEqual({ total: 2, completed: 2, inProgress: 0, abandoned: 0 })
    expect(report.leadTime).toMatchObject({ count: 2, p50: 4.5 * H })
  })
})

describe('abandoned items', () => {
  it('are neither done nor in progress, and wait for nothing', () => {
    const report = analyze(twoRepositories)
    // Only api#2 (merged, not deployed) still waits; lib#2 was closed unmerged.
    expect(stage(report, 'ci').queueNow).toBe(1)
    expect(report.agingWip.count).toBe(0)
  })

  it('an item that comes back after it was dropped (a reopened pull request) is in progress again', () => {
    const report = analyze([
      ...stay('x', 'develop', 0, 2, { attributes: { abandoned: true } }),
      ...stay('x', 'develop', 5),
    ])
    expect(report.items).toEqual({ total: 1, completed: 0, inProgress: 1, abandoned: 0 })
  })
})

describe('nothing done is not zero', () => {
  const report = analyze([
    ...stay('x', 'develop', 0, 2),
    ...stay('x', 'review', 3),
    ...stay('y', 'develop', 1),
  ])

  it('lead time, cycle time, throughput and flow efficiency are null, not 0', () => {
    expect(report.items).toEqual({ total: 2, completed: 0, inProgress: 2, abandoned: 0 })
    expect(report.leadTime).toBeNull()
    expect(report.cycleTime).toBeNull()
    expect(report.throughputPerDay).toBeNull()
    expect(report.flowEfficiency).toBeNull()
    expect(JSON.parse(JSON.stringify(report)).leadTime).toBeNull()
    expect(report.done.rule).toBe('none')
  })

  it('no constraint is named: the report says what is missing', () => {
    expect(report.constraint.stage).toBeNull()
    expect(report.constraint.missing).toBe(
      'No item was done in the window; at least 30 are needed to name a constraint.',
    )
  })

  it('with 12 items done it says how many more are needed', () => {
    const twelve = Array.from({ length: 12 }, (_, k) => [
      ...stay(`i${k}`, 'develop', k, k + 1),
      ...stay(`i${k}`, 'review', k + 2, k + 3),
      ev(`i${k}`, 'done', 'enter', k + 4),
    ]).flat()
    const named = analyze(twelve)
    expect(named.items.completed).toBe(12)
    expect(named.constraint.stage).toBeNull()
    expect(named.constraint.missing).toBe('12 items done; at least 30 are needed to name a constraint.')
  })
})
