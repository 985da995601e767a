import { describe, expect, it } from 'vitest'
import { files, herbie } from './support/run.js'
import { teamLines } from './support/team.js'

/** Sixty days of a team whose two reviewers are the constraint. */
const events = teamLines({
  seed: 3,
  days: 60,
  perDay: 14,
  developers: 6,
  developCv: 0.6,
  reviewHours: 2.8,
  ci: true,
})

const file = () => files({ 'events.ndjson': `${events.join('\n')}\n` })['events.ndjson']!
const interval = { mean: expect.any(Number), lo: expect.any(Number), hi: expect.any(Number) }
const outcome = {
  throughputPerDay: interval,
  leadTime: { p50: interval, p85: interval, p95: interval },
  stages: ['develop', 'review', 'ci'].map((name) => ({
    name,
    wip: interval,
    waitBefore: interval,
    throughputPerDay: interval,
    queueGrowthPerDay: interval,
    // CI never made anyone wait: the fit gives it no limit (null in JSON).
    servers: name === 'ci' ? null : expect.any(Number),
    wipLimit: null,
    demandPerDay: expect.any(Number),
    capacityPerDay: name === 'ci' ? null : expect.any(Number),
  })),
  constraint: expect.any(String),
  limitedBy: null,
  stable: true,
  overload: null,
  leadTimeP85After: [],
}

describe('herbie simulate', () => {
  it('--json prints { input, warnings, fit, simulation, baseline, scenarios } with an interval for every number', () => {
    const { code, stdout } = herbie(
      'simulate',
      '--events',
      file(),
      '--scenario',
      'capacity review=+1',
      '--scenario',
      'speedup develop=1.4; arrivals 1.1',
      '--replications',
      '5',
      '--json',
    )
    expect(code).toBe(0)
    const result = JSON.parse(stdout)
    expect(Object.keys(result)).toEqual(['input', 'warnings', 'fit', 'simulation', 'baseline', 'scenarios'])
    expect(result.simulation).toEqual({ replications: 5, horizonDays: 60, warmupDays: 12, seed: 1 })
    expect(result.fit.warnings).toEqual(expect.any(Array))
    expect(result.baseline).toEqual(outcome)
    expect(result.scenarios).toEqual([
      { name: 'capacity review=+1', ...outcome },
      { name: 'speedup develop=1.4; arrivals 1.1', ...outcome },
    ])
    expect(result.baseline.constraint).toBe('review')
    expect(result.scenarios[0].throughputPerDay.mean).toBeGreaterThan(
      result.baseline.throughputPerDay.mean * 0.95,
    )
  })

  it('prints the baseline beside each scenario; the same seed gives the same numbers', () => {
    const run = () =>
      herbie('simulate', '--events', file(), '--scenario', 'capacity review=+1', '--replications', '4')
    const first = run()
    expect(first.code).toBe(0)
    expect(first.stdout).toMatch(/^Model fitted to the events: arrivals \d+\.\d a day; develop \d+ at once/m)
    expect(first.stdout).toMatch(/^baseline\s+\d+\.\d \(\d+\.\d–\d+\.\d\)/m)
    expect(first.stdout).toMatch(/^capacity review=\+1\s+\d+\.\d/m)
    expect(run().stdout).toBe(first.stdout)
  })

  it('says what limits each result; an overload in words, with how lead time grows and lead times labelled with the horizon', () => {
    const args = ['simulate', '--events', file(), '--scenario', 'arrivals 1.5', '--replications', '4']
    const text = herbie(...args)
    const { baseline, scenarios } = JSON.parse(herbie(...args, '--json').stdout)
    expect(text.code).toBe(0)
    const busiest = baseline.stages.find((stage: { name: string }) => stage.name === 'review')
    expect(text.stdout).toContain(
      `baseline: the arrivals limit it: ${baseline.stages[0].demandPerDay.toFixed(1)} items come in a day and every stage can finish more; the busiest is review, at ${Math.round((100 * busiest.demandPerDay) / busiest.capacityPerDay)}% of what it can finish.`,
    )
    const [more] = scenarios
    expect(more.stable).toBe(false)
    expect(more.overload.stage).toBe('review')
    const match =
      /^arrivals 1\.5: unstable: review would get (\d+\.\d) items a day and can finish (\d+\.\d); its queue grows by (\d+\.\d) a day and lead time grows without bound \(p85 after 30 days of it: ([^,]+), after 90 days: ([^)]+)\)\.$/m.exec(
        text.stdout,
      )
    expect(match?.slice(1, 4)).toEqual([
      more.overload.demandPerDay.toFixed(1),
      more.overload.capacityPerDay.toFixed(1),
      more.overload.queueGrowthPerDay.toFixed(1),
    ])
    expect(more.leadTimeP85After.map((entry: { days: number }) => entry.days)).toEqual([30, 90])
    expect(more.leadTimeP85After[1].p85.mean).toBeGreaterThan(2 * more.leadTimeP85After[0].p85.mean)
    // The overloaded row's lead times hold for the 60-day runs only, and say so.
    expect(text.stdout).toMatch(
      /^arrivals 1\.5 +\d+\.\d \(\S+\) +\S+ \S+ at 60 d +\S+ \S+ at 60 d +\S+ \S+ at 60 d +review$/m,
    )
    expect(text.stdout).toMatch(/^baseline +\d+\.\d \(\S+\) +\d+(\.\d)? \w+ +\d/m)
  })

  it('--workers 2 runs the replications on two threads with exactly the same results', () => {
    const run = (workers: string) =>
      herbie(
        'simulate',
        '--events',
        file(),
        '--scenario',
        'wip-limit review=4',
        '--replications',
        '6',
        '--workers',
        workers,
        '--json',
      )
    const one = run('1')
    const two = run('2')
    expect([one.code, two.code]).toEqual([0, 0])
    expect(two.stdout).toBe(one.stdout)
  })

  it('an unknown stage or a malformed change is bad input (exit 2) naming the change', () => {
    const unknown = herbie('simulate', '--events', file(), '--scenario', 'speedup qa=2')
    expect([unknown.code, unknown.stderr.trim()]).toEqual([
      2,
      'error: --scenario "speedup qa=2": "speedup qa=2": no work stage qa in the model (develop, review, ci)',
    ])
    const malformed = herbie('simulate', '--events', file(), '--scenario', 'capacity review=+1; faster')
    expect(malformed.code).toBe(2)
    expect(malformed.stderr).toContain('"faster" is not a change')
    const few = herbie('simulate', '--events', file(), '--scenario', 'arrivals 2', '--replications', '1')
    expect([few.code, few.stderr.trim()]).toEqual([2, 'error: --replications must be at least 2 (got 1)'])
  })
})
