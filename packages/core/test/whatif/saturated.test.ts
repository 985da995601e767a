import { Effect, Exit } from 'effect'
import { describe, expect, it } from 'vitest'
import { type SimScenario, whatIfNdjson } from '../../src/index.js'
import { lines, team } from '../support/team.js'

/** Twelve developers who always have a next item (12 h each: 24 a day), three reviewers (1.5 h: 48 a day). */
const saturatedTeam: SimScenario = {
  seed: 5,
  start: '2026-04-01T00:00:00Z',
  days: 40,
  arrivals: { kind: 'saturated' },
  stages: [
    { name: 'develop', servers: 12, service: { kind: 'lognormal', mean: 12, cv: 0.5 } },
    { name: 'review', servers: 3, service: { kind: 'exponential', mean: 1.5 }, queue: 'review-queue' },
  ],
}
const whatIf = (scenario: SimScenario, scenarios: string[]) =>
  Effect.runPromiseExit(whatIfNdjson(lines(scenario), { scenarios, replications: 8 }))

describe('a saturated first stage', () => {
  it('is recognised and modelled as a pull from an unlimited backlog: a speed-up sends that much more on', async () => {
    const exit = await whatIf(saturatedTeam, ['speedup develop=1.4'])
    if (!Exit.isSuccess(exit)) throw new Error('the what-if failed')
    const result = exit.value
    expect(result.fit.model.saturated).toBe(true)
    expect(result.fit.warnings).toEqual([])
    const develop = (outcome: typeof result.baseline) => outcome.stages[0]!.throughputPerDay.mean
    const review = (outcome: typeof result.baseline) => outcome.stages[1]!.demandPerDay
    const [faster] = result.scenarios
    expect(Math.abs(develop(faster!) / develop(result.baseline) - 1.4)).toBeLessThan(0.03)
    // What reaches review is exactly what develop can finish, 1.4 times as much.
    expect(review(faster!)).toBeCloseTo(review(result.baseline) * 1.4, 9)
    expect(faster!.throughputPerDay.mean / result.baseline.throughputPerDay.mean).toBeGreaterThan(1.35)
    expect([result.baseline.limitedBy, faster!.limitedBy]).toEqual(['develop', 'develop'])
  })

  it('is not taken for a team with idle time; more arrivals into a saturated stage are refused naming it', async () => {
    const idle = await whatIf(team(15), [])
    expect(Exit.isSuccess(idle) && idle.value.fit.model.saturated).toBe(false)
    const refused = await whatIf(saturatedTeam, ['arrivals 1.2'])
    expect(
      Exit.isFailure(refused) && refused.cause._tag === 'Fail' ? refused.cause.error : undefined,
    ).toMatchObject({
      _tag: 'ScenarioInvalid',
      reason:
        '--scenario "arrivals 1.2": develop always has a next item (it pulls from a backlog that is never empty), so more arrivals change nothing: change its speed or capacity instead',
    })
  })
})
