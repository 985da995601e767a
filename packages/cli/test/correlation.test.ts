import { describe, expect, it } from 'vitest'
import { BARE, lines, MERGE } from './support/acrossSources.js'
import { files, herbie } from './support/run.js'

describe('herbie analyze across sources', () => {
  const input = files({ 'events.ndjson': `${lines.join('\n')}\n` })

  it('--json carries the correlation and upstream sections', () => {
    const { code, stdout, stderr } = herbie('analyze', '--events', input['events.ndjson']!, '--json')
    expect(stderr).toBe('')
    expect(code).toBe(0)
    const report = JSON.parse(stdout)
    expect(report.correlation).toEqual({
      items: 2,
      joined: 1,
      bareDeployments: 0,
      unlinked: [{ source: 'jenkins', reason: 'commit not in any pull request', events: 1 }],
      rules: ['pr', 'commit', 'issue-key', 'deploy-range'],
    })
    // 10 h (In Progress) → 28 h (the production deployment).
    expect(report.leadTime).toMatchObject({ count: 1, p50: 18 * 3600 })
    expect(report.upstream.failureDemand).toMatchObject({ completed: 1, defects: 0, share: 0 })
    expect(report.upstream.problems).toEqual([])
  })

  it('the terminal report says what was joined and what stayed unlinked', () => {
    const { stdout } = herbie('analyze', '--events', input['events.ndjson']!)
    expect(stdout).toContain(
      'Correlation: 2 work items, 1 joined across sources (rules: pr, commit, issue-key, deploy-range)',
    )
    expect(stdout).toContain('  - 1 jenkins events unlinked: commit not in any pull request')
    expect(stdout).toContain('Upstream (before the code)')
  })

  it('--item shows the members, the rule that joined each, and the stays', () => {
    const { code, stdout } = herbie(
      'analyze',
      '--events',
      input['events.ndjson']!,
      '--item',
      'github:acme/api#7',
    )
    expect(code).toBe(0)
    expect(stdout).toContain('Item jira:PAY-142: lead time from 2026-03-02 10:00 UTC to 2026-03-03 04:00 UTC')
    expect(stdout).toMatch(/^github:acme\/api#7 +github +5 +issue-key PAY-142$/m)
    expect(stdout).toMatch(new RegExp(`^${BARE} +argocd, jenkins +5 +commit ${MERGE}$`, 'm'))
    expect(stdout).toMatch(/^jira:PAY-142 +jira +4 +its id$/m)
    // The ticket is In Progress until 02:00, but its pull request is in review from 22:00.
    expect(stdout).toMatch(/^develop +2026-03-02 10:00 UTC +2026-03-02 22:00 UTC$/m)
    expect(stdout).toMatch(/^done +2026-03-03 04:00 UTC +open$/m)
    const json = JSON.parse(
      herbie('analyze', '--events', input['events.ndjson']!, '--item', 'jira:PAY-142', '--json').stdout,
    )
    expect(json.members.map((member: { rule: string }) => member.rule)).toEqual(['issue-key', 'commit', 'id'])
  })

  it('--item with an id no item has is a usage error naming it', () => {
    const { code, stderr } = herbie('analyze', '--events', input['events.ndjson']!, '--item', 'jira:NOPE-1')
    expect(code).toBe(2)
    expect(stderr).toContain(`--item: no work item "jira:NOPE-1" in ${input['events.ndjson']}`)
  })
})
