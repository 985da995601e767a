import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { lines } from './support/acrossSources.js'
import { herbieIn } from './support/run.js'

const SOURCES = { sources: { gh: { adapter: 'github', options: { token: { env: 'HERBIE_UNSET_TOKEN' } } } } }

/** A folder with the events and, when given, a `herbie.config.json` holding `config` and a source. */
const folder = (config?: Record<string, unknown>) => {
  const dir = mkdtempSync(join(tmpdir(), 'herbie-analysis-config-'))
  writeFileSync(join(dir, 'events.ndjson'), `${lines.join('\n')}\n`)
  if (config !== undefined)
    writeFileSync(join(dir, 'herbie.config.json'), JSON.stringify({ ...SOURCES, ...config }))
  return dir
}

/** `herbie analyze --json` in the folder: its exit code, its stderr and the report. */
const analyze = async (dir: string, ...args: string[]) => {
  const { code, stdout, stderr } = await herbieIn(
    { cwd: dir },
    'analyze',
    '--events',
    'events.ndjson',
    '--json',
    ...args,
  )
  return {
    code,
    stderr: stderr.split(dir).join('DIR').trim(),
    report: code === 0 ? JSON.parse(stdout) : undefined,
  }
}

describe('herbie analyze reads correlation and upstream from the config file', () => {
  it('a config without the issue-key rule leaves the ticket apart (its sources need no token)', async () => {
    const { code, stderr, report } = await analyze(folder({ correlation: { rules: ['commit', 'pr'] } }))
    expect([code, stderr]).toEqual([0, ''])
    expect(report.correlation).toMatchObject({ items: 3, joined: 1, rules: ['pr', 'commit'] })
    // The pull request's issue key is not followed, so it is not counted as matching no tracker.
    expect(report.correlation.unlinked).toEqual([
      { source: 'jenkins', reason: 'commit not in any pull request', events: 1 },
    ])
  })

  it('--config names a config elsewhere, and --correlate replaces its rules once', async () => {
    const elsewhere = folder({ correlation: { rules: ['pr'] } })
    const dir = folder()
    const fromFile = await analyze(dir, '--config', join(elsewhere, 'herbie.config.json'))
    expect(fromFile.report.correlation).toMatchObject({ items: 4, joined: 0, rules: ['pr'] })
    const none = await analyze(elsewhere, '--correlate', 'none')
    expect(none.report.correlation).toMatchObject({ items: 4, joined: 0, rules: [] })
    const item = await analyze(elsewhere, '--item', 'jira:PAY-142')
    expect(
      item.report.members.map((member: { itemId: string; rule: string }) => [member.itemId, member.rule]),
    ).toEqual([['jira:PAY-142', 'id']])
    const two = await analyze(elsewhere, '--correlate', 'issue-key, pr')
    expect(two.report.correlation).toMatchObject({ items: 3, joined: 1, rules: ['pr', 'issue-key'] })
  })

  it('a threshold from the config decides whether the upstream problem is named', async () => {
    const failureDemand = { attribute: 'kind', values: ['feature'] }
    const below = await analyze(folder({ upstream: { failureDemand } }))
    expect(below.report.upstream.failureDemand).toMatchObject({ completed: 1, defects: 1, share: 1 })
    expect(below.report.upstream.problems).toEqual([])
    const named = await analyze(folder({ upstream: { failureDemand, thresholds: { minCompleted: 1 } } }))
    expect(named.report.upstream.problems).toEqual([
      {
        signal: 'failure-demand',
        value: 1,
        threshold: 0.2,
        sentence: '100% of finished work is fixing earlier work: the constraint is upstream of the code.',
      },
    ])
  })

  it('a bad field is refused naming the file and the field (exit 2)', async () => {
    const bad = async (config: Record<string, unknown>) => {
      const { code, stderr } = await analyze(folder(config))
      return [code, stderr.split('\n').at(-1)]
    }
    expect(await bad({ upstream: { thresholds: { failureDemand: 2 } } })).toEqual([
      2,
      'error: DIR/herbie.config.json: upstream.thresholds.failureDemand: expected a number between 0 and 1, got 2',
    ])
    expect(await bad({ correlation: { rules: ['branch'] } })).toEqual([
      2,
      'error: DIR/herbie.config.json: correlation.rules[0]: expected "pr" or "commit" or "issue-key" or "deploy-range", got "branch"',
    ])
    expect(await bad({ correlation: { issueKeyPattern: '[' } })).toEqual([
      2,
      'error: DIR/herbie.config.json: correlation.issueKeyPattern: not a regular expression: Invalid regular expression: /[/: Unterminated character class',
    ])
    expect(await bad({ correlation: { rule: ['pr'] } })).toEqual([
      2,
      'error: DIR/herbie.config.json: correlation.rule: unknown key (the keys are rules, issueKeyPattern)',
    ])
  })

  it('--correlate with a rule there is not, and --config with no such file, are refused (exit 2)', async () => {
    const dir = folder()
    expect(await analyze(dir, '--correlate', 'pr,branch')).toEqual({
      code: 2,
      stderr:
        'error: --correlate: no correlation rule "branch" (the rules are pr, commit, issue-key, deploy-range, or none)',
      report: undefined,
    })
    expect(await analyze(dir, '--config', 'nope.json')).toEqual({
      code: 2,
      stderr: 'error: DIR/nope.json: no such file',
      report: undefined,
    })
  })

  it('herbie export refuses a bad config field before sending anything', async () => {
    const dir = folder({ upstream: { clarityStages: 'refine' } })
    const { code, stderr } = await herbieIn(
      { cwd: dir },
      'export',
      '--events',
      'events.ndjson',
      '--otlp',
      'http://127.0.0.1:9',
    )
    expect([code, stderr.split(dir).join('DIR').trim()]).toEqual([
      2,
      'error: DIR/herbie.config.json: upstream.clarityStages: expected a list, got "refine"',
    ])
  })
})
