import { describe, expect, it } from 'vitest'
import { files, herbie } from './support/run.js'

const T0 = Date.parse('2026-03-02T00:00:00Z')
const MERGE = 'a'.repeat(40)
const iso = (hours: number) => new Date(T0 + hours * 3_600_000).toISOString()

const event = (
  source: string,
  itemId: string,
  stage: string,
  type: 'enter' | 'exit',
  hours: number,
  extra: Record<string, unknown> = {},
) =>
  JSON.stringify({
    id: `${source}/${stage}/${type}/${hours}`,
    itemId,
    stage,
    type,
    at: iso(hours),
    source,
    ...extra,
  })

const ticket = { links: [{ kind: 'issue', id: 'PAY-142' }], attributes: { kind: 'feature' } }
const pull = {
  links: [
    { kind: 'pr', id: 'acme/api#7' },
    { kind: 'issue', id: 'PAY-142' },
    { kind: 'commit', id: MERGE },
  ],
  attributes: { repository: 'acme/api' },
}
const commit = { links: [{ kind: 'commit', id: MERGE }], attributes: { repository: 'acme/api' } }
const production = { ...commit, attributes: { ...commit.attributes, environment: 'production' } }
const BARE = `github:acme/api@${MERGE}`

/** A ticket, its pull request, a build of the merge commit and its production deployment. */
const lines = [
  event('jira', 'jira:PAY-142', 'backlog', 'enter', 0, ticket),
  event('jira', 'jira:PAY-142', 'backlog', 'exit', 10, ticket),
  event('jira', 'jira:PAY-142', 'develop', 'enter', 10, ticket),
  event('jira', 'jira:PAY-142', 'develop', 'exit', 26, ticket),
  event('github', 'github:acme/api#7', 'develop', 'enter', 12, pull),
  event('github', 'github:acme/api#7', 'develop', 'exit', 20, pull),
  event('github', 'github:acme/api#7', 'review', 'enter', 22, pull),
  event('github', 'github:acme/api#7', 'review', 'exit', 25, pull),
  event('github', 'github:acme/api#7', 'done', 'enter', 25, {
    ...pull,
    attributes: { ...pull.attributes, doneRule: 'merge' },
  }),
  event('jenkins', BARE, 'ci', 'enter', 25.5, commit),
  event('jenkins', BARE, 'ci', 'exit', 26, { ...commit, outcome: 'success' }),
  event('argocd', BARE, 'deploy', 'enter', 27, production),
  event('argocd', BARE, 'deploy', 'exit', 28, { ...production, outcome: 'success' }),
  event('argocd', BARE, 'done', 'enter', 28, {
    ...production,
    attributes: { ...production.attributes, doneRule: 'production-deploy' },
  }),
  event('jenkins', `github:acme/api@${'f'.repeat(40)}`, 'ci', 'enter', 30, {
    links: [{ kind: 'commit', id: 'f'.repeat(40) }],
  }),
]

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
    expect(stdout).toMatch(/^develop +2026-03-02 10:00 UTC +2026-03-03 02:00 UTC$/m)
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
