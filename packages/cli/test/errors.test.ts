import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { systemErrorText } from '../src/systemError.js'
import { files, herbie, twoItems } from './support/run.js'

const events = files({ 'events.ndjson': `${twoItems.join('\n')}\n` })['events.ndjson']!

/** Runs herbie and returns its exit code and stderr; stdout must stay empty. */
const fails = (...args: string[]) => {
  const { code, stdout, stderr } = herbie(...args)
  expect(stdout).toBe('')
  return [code, stderr] as const
}

describe('argument errors: one line, error: first, exit 2', () => {
  it.each([
    // Without --events, analyze reads the event store: one that does not exist is named.
    [
      ['analyze', '--store', '/tmp/herbie-no-store/events.sqlite'],
      'error: no event store at /tmp/herbie-no-store/events.sqlite: fill it with herbie sync or herbie import first',
    ],
    [['analyze', '--evnts', 'x.ndjson'], 'error: unknown option --evnts (did you mean --events?)'],
    [
      ['analyze', '--events', events, '--colour'],
      'error: unknown option --colour for herbie analyze (see herbie analyze --help)',
    ],
    [['analyze', '--events'], 'error: --events needs a value: --events FILE.ndjson'],
    [
      ['analyze', '--events', events, 'extra'],
      'error: unexpected argument extra for herbie analyze (its options start with --)',
    ],
    [['analyze', '--events', events, '--json', '--json'], 'error: --json is given more than once'],
    [['anlyze'], 'error: unknown command anlyze (did you mean analyze?)'],
    [
      ['bogus'],
      'error: unknown command bogus (the commands are analyze, check, demo, events, export, forecast, import, item, simulate, sync)',
    ],
    [['sync', 'gihtub'], 'error: unknown command gihtub for herbie sync (did you mean github?)'],
    [
      ['sync', 'bogus'],
      'error: unknown command bogus for herbie sync (the commands are argo-workflows, argocd, github, gitlab, jenkins, jira)',
    ],
    [
      ['export', '--events', events, '--protocol', 'http/jsn'],
      'error: --protocol must be one of http/protobuf, http/json (got "http/jsn") (did you mean http/json?)',
    ],
    [
      ['sync', 'github', '--out', 'x.ndjson', '--done-at', 'deploy'],
      'error: --done-at must be one of auto, production-deploy, merge (got "deploy")',
    ],
    [['forecast', '--events', events, '--items', 'ten'], 'error: --items takes a whole number (got "ten")'],
    [['sync', 'github', '--out', 'x.ndjson'], 'error: missing option --repo OWNER/NAME'],
    [
      ['sync', '--source', 'github'],
      'error: --source github: here github is read as the command herbie sync github; use another value',
    ],
    [
      ['export', '--events', events, '--headers', 'x-api-key'],
      'error: --headers takes KEY=VALUE (got "x-api-key")',
    ],
  ])('herbie %j', (args, message) => {
    const [code, stderr] = fails(...args)
    expect(stderr).toBe(`${message}\n`)
    expect(code).toBe(2)
  })
})

describe('file errors name the path and say what is wrong in words', () => {
  it('a missing file: no such file', () => {
    expect(fails('analyze', '--events', '/nonexistent/events.ndjson')).toEqual([
      2,
      'error: cannot read events /nonexistent/events.ndjson: no such file\n',
    ])
  })

  it('a directory: is a directory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'herbie-dir-'))
    expect(fails('analyze', '--events', dir)).toEqual([
      2,
      `error: cannot read events ${dir}: is a directory\n`,
    ])
    expect(fails('analyze', '--events', events, '--stream', dir)).toEqual([
      2,
      `error: cannot read stream ${dir}: is a directory\n`,
    ])
  })

  it('Node error codes become words, other errors keep their message', () => {
    const error = (code: string) => Object.assign(new Error(`${code}: raw, open 'x'`), { code })
    expect(systemErrorText(error('ENOENT'))).toBe('no such file')
    expect(systemErrorText(error('EISDIR'))).toBe('is a directory')
    expect(systemErrorText(error('EACCES'))).toBe('permission denied')
    expect(systemErrorText(error('EADDRINUSE'))).toBe('the address is already in use')
    expect(systemErrorText(error('EWHATEVER'))).toBe("EWHATEVER: raw, open 'x'")
    expect(systemErrorText(new Error('plain'))).toBe('plain')
    expect(systemErrorText('text')).toBe('text')
  })
})
