/**
 * `herbie check` as a CI gate, on the four-source change of `support/acrossSources.ts`: a Jira
 * ticket In Progress at 10 h, its pull request, a build of the merge commit and the production
 * deployment done at 28 h (lead time 18 h).
 */
import { describe, expect, it } from 'vitest'
import { lines } from './support/acrossSources.js'
import { files, herbieAsync } from './support/run.js'

const input = files({
  'events.ndjson': `${lines.join('\n')}\n`,
  'herbie.config.json': JSON.stringify({
    sources: { github: { adapter: 'github', options: { repo: 'acme/api' } } },
    check: { max: { 'lead-time.p85': '12h', 'wip.review': 2 }, min: { 'flow-efficiency': '10%' } },
  }),
  'bad.config.json': JSON.stringify({
    sources: { github: { adapter: 'github', options: { repo: 'acme/api' } } },
    check: { max: { 'wip.qa': 2 } },
  }),
})
const check = (...args: string[]) => herbieAsync({}, 'check', '--events', input['events.ndjson']!, ...args)

describe('herbie check', () => {
  it('exits 0 when every threshold holds, and prints each with the value measured', async () => {
    const { code, stdout, stderr } = await check('--max', 'lead-time.p85=1d', '--max', 'wip.review=0')
    expect([code, stderr]).toEqual([0, ''])
    expect(stdout).toContain('herbie check: all 2 thresholds hold')
    expect(stdout).toMatch(/^lead-time\.p85 <= 24\.0 h +18\.0 h +ok$/m)
    expect(stdout).toMatch(/^wip\.review <= 0 +0 +ok$/m)
  })

  it('exits 1 when one breaks, saying by how much', async () => {
    const { code, stdout, stderr } = await check(
      '--max',
      'lead-time.p85=12h',
      '--min',
      'flow-efficiency=95%',
      '--max',
      'queue-growth.review=0.5/d',
    )
    expect(code).toBe(1)
    expect(stderr).toBe('error: 2 of 3 thresholds broken\n')
    expect(stdout).toContain('herbie check: 2 of 3 thresholds broken')
    expect(stdout).toMatch(/^lead-time\.p85 <= 12\.0 h +18\.0 h +BROKEN: 6\.0 h over$/m)
    // Work 16.5 of 18 h: develop 10–22 h (until review), review 22–25, ci 25.5–26, deploy 27–28.
    expect(stdout).toMatch(/^flow-efficiency >= 95% +91\.67% +BROKEN: 3\.33% under$/m)
    expect(stdout).toMatch(/^queue-growth\.review <= 0\.5\/day +0\/day +ok$/m)
  })

  it('--format md is a heading and a table for a job summary; --format json is for scripts', async () => {
    const md = await check('--max', 'lead-time.p85=12h', '--max', 'wip=3', '--format', 'md')
    expect(md.code).toBe(1)
    expect(md.stdout).toBe(
      [
        '### herbie check: 1 of 2 thresholds broken',
        '',
        '| | threshold | measured | broken by |',
        '| --- | --- | --- | --- |',
        '| ❌ | `lead-time.p85 <= 12.0 h` | 18.0 h | 6.0 h over |',
        // In progress: the build of a commit no pull request carries.
        '| ✅ | `wip <= 3` | 1 |  |',
        '',
      ].join('\n'),
    )
    const json = await check('--max', 'lead-time.p85=12h', '--format', 'json')
    expect(json.code).toBe(1)
    expect(JSON.parse(json.stdout)).toEqual({
      ok: false,
      results: [
        {
          threshold: { bound: 'max', metric: 'lead-time.p85', limit: '12h', kind: 'duration', value: 43200 },
          measured: 64800,
          breached: true,
          by: 21600,
        },
      ],
    })
  })

  it('takes the thresholds from the config when none is given, naming its fields', async () => {
    const { code, stdout } = await check('--config', input['herbie.config.json']!)
    expect(code).toBe(1)
    expect(stdout).toContain('herbie check: 1 of 3 thresholds broken')
    expect(stdout).toMatch(/^lead-time\.p85 <= 12\.0 h +18\.0 h +BROKEN: 6\.0 h over$/m)
    expect(stdout).toMatch(/^wip\.review <= 2 +0 +ok$/m)
    expect(stdout).toMatch(/^flow-efficiency >= 10% +91\.67% +ok$/m)
    const bad = await check('--config', input['bad.config.json']!)
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain(
      `error: ${input['bad.config.json']}: check.max wip.qa: the stream has no stage "qa" (its stages: backlog, develop, review-queue, review, ci, deploy-queue, deploy)`,
    )
  })

  it('exits 2 on usage errors: no threshold, a malformed one, an unknown metric', async () => {
    const none = await check()
    expect(none.code).toBe(2)
    expect(none.stderr).toContain(
      'error: no threshold to check: give --max METRIC=LIMIT or --min METRIC=LIMIT',
    )
    const malformed = await check('--max', 'lead-time.p85')
    expect(malformed.code).toBe(2)
    expect(malformed.stderr).toContain('--max "lead-time.p85": write METRIC=LIMIT, e.g. lead-time.p85=5d')
    const unknown = await check('--max', 'speed=3', '--max', 'lead-time.p85=soon')
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('--max speed: no such metric (known: lead-time.p50,')
    expect(unknown.stderr).toContain(
      '--max lead-time.p85: "soon" is not a duration such as 5d, 12h, 30m or 90s',
    )
  })
})
