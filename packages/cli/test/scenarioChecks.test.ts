import { describe, expect, it } from 'vitest'
import { files, herbie } from './support/run.js'
import { teamLines } from './support/team.js'

/** Thirty days of a team: develop (4 at once, so the model sees 4) and review (2 at once). */
const events = teamLines({ seed: 9, days: 30, perDay: 8 })

describe('herbie simulate refuses a scenario that changes nothing or cannot be, naming the change', () => {
  const file = files({ 'events.ndjson': `${events.join('\n')}\n` })['events.ndjson']!
  const refused = (scenario: string) => {
    const { code, stderr } = herbie(
      'simulate',
      '--events',
      file,
      '--scenario',
      scenario,
      '--replications',
      '2',
    )
    return [code, stderr.trim()]
  }

  it('no-ops and impossible changes', () => {
    expect(refused('capacity review=0')).toEqual([
      2,
      'error: --scenario "capacity review=0": "capacity review=0": review needs at least 1 server',
    ])
    expect(refused('capacity review=+0')).toEqual([
      2,
      'error: --scenario "capacity review=+0": "capacity review=+0": adding 0 changes nothing',
    ])
    expect(refused('speedup develop=1')).toEqual([
      2,
      'error: --scenario "speedup develop=1": "speedup develop=1": a factor of 1 changes nothing',
    ])
    expect(refused('wip-limit develop=0')).toEqual([
      2,
      'error: --scenario "wip-limit develop=0": "wip-limit develop=0": a WIP limit is at least 1',
    ])
    expect(refused('speedup deploy=2')).toEqual([
      2,
      'error: --scenario "speedup deploy=2": "speedup deploy=2": no work stage deploy in the model (develop, review)',
    ])
  })

  it('two changes to one stage that cancel out', () => {
    expect(refused('speedup review=2; speedup review=0.5')).toEqual([
      2,
      'error: --scenario "speedup review=2; speedup review=0.5": "speedup review=0.5": the scenario already has "speedup review=2" (give one change of each kind per stage)',
    ])
  })

  it('an empty scenario, which the argument parser would drop', () => {
    expect(refused('')).toEqual([2, 'error: --scenario "": an empty value'])
  })
})
