import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { makeProgress } from '../src/simulate/progress.js'
import { files } from './support/run.js'
import { teamLines } from './support/team.js'

const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url))
/** Runs the binary with a deadline, so that a command that spins fails the test instead of hanging it. */
const herbie = (env: Record<string, string>, ...args: string[]) => {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
    timeout: 30_000,
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

const events = teamLines({ seed: 4, days: 30, perDay: 8 })
const file = () => files({ 'events.ndjson': `${events.join('\n')}\n` })['events.ndjson']!

describe('work is bounded', () => {
  it('forecast --by 9999-12-31 is refused at once, naming the limit', () => {
    const { code, stderr } = herbie({}, 'forecast', '--events', file(), '--by', '9999-12-31')
    expect(code).toBe(2)
    expect(stderr.trim()).toMatch(
      /^error: 9999-12-31 is 2,912,323 days after the history's last day, 2026-04-30; a forecast looks at most 3650 days \(10 years\) ahead$/,
    )
  })

  it('forecast --trials beyond the limit is refused', () => {
    const { code, stderr } = herbie({}, 'forecast', '--events', file(), '--items', '5', '--trials', '5000000')
    expect([code, stderr.trim()]).toEqual([2, 'error: --trials 5000000 is out of range: 1 to 100,000'])
  })

  it('simulate refuses replications, a horizon or an arrivals factor that would run for hours', () => {
    const replications = herbie({}, 'simulate', '--events', file(), '--replications', '1000000')
    expect(replications.code).toBe(2)
    expect(replications.stderr.trim()).toMatch(
      /^error: the simulation would take about [\d,]+ steps \(1 scenario, baseline included, × 1,000,000 replications × 30 days\); the limit is 1,000,000,000 steps: lower --replications, shorten --horizon or lower the arrivals factor$/,
    )
    const horizon = herbie({}, 'simulate', '--events', file(), '--horizon', '100000000')
    expect(horizon.code).toBe(2)
    expect(horizon.stderr.trim()).toMatch(
      /^error: baseline: one run would bring in about [\d,]+ items \([\d,]+ a day for 100,000,000 days\); the limit is 2,000,000 items a run: shorten --horizon or lower the arrivals factor$/,
    )
    const arrivals = herbie({}, 'simulate', '--events', file(), '--scenario', 'arrivals 1000000')
    expect(arrivals.code).toBe(2)
    expect(arrivals.stderr).toContain('error: --scenario "arrivals 1000000": one run would bring in about ')
  })

  it('simulate shows replications done of total on stderr once a run lasts (threshold lowered here)', () => {
    for (const workers of ['1', '2']) {
      const { code, stderr } = herbie(
        { HERBIE_PROGRESS_AFTER_MS: '0' },
        'simulate',
        '--events',
        file(),
        '--scenario',
        'speedup develop=2',
        '--replications',
        '3',
        '--horizon',
        '5',
        '--workers',
        workers,
      )
      expect(code).toBe(0)
      const shown = stderr.split('\n').filter((line) => line.startsWith('simulating: '))
      // Three replications each of the baseline, the scenario and the fit check (the baseline
      // simulated over the observed window from empty).
      expect(shown[0]).toBe('simulating: 1 of 9 replications')
      expect(shown.at(-1)).toBe('simulating: 9 of 9 replications')
      const counts = shown.map((line) => Number(/(\d+) of/.exec(line)![1]))
      expect(counts).toEqual([...counts].sort((a, b) => a - b))
    }
    const quiet = herbie({}, 'simulate', '--events', file(), '--replications', '2', '--horizon', '5')
    expect(quiet.code).toBe(0)
    expect(quiet.stderr).not.toContain('simulating:')
  })
})

describe('makeProgress', () => {
  it('says nothing before the threshold, then at most once per interval, and always the last count', () => {
    let clock = 0
    const lines: string[] = []
    const progress = makeProgress(5, {
      afterMs: 3000,
      everyMs: 1000,
      write: (line) => lines.push(line),
      now: () => clock,
    })
    for (const at of [1000, 2500, 3200, 3900, 5000]) {
      clock = at
      progress.runDone()
    }
    expect(lines).toEqual(['simulating: 3 of 5 replications', 'simulating: 5 of 5 replications'])
    const short: string[] = []
    const quick = makeProgress(2, {
      afterMs: 3000,
      everyMs: 1000,
      write: (line) => short.push(line),
      now: () => 0,
    })
    quick.runDone()
    quick.runDone()
    expect(short).toEqual([])
  })
})
