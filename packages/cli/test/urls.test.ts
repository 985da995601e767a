import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startOtlpReceiver } from './support/otlpReceiver.js'
import { files, herbieIn, twoItems } from './support/run.js'

const eventsFile = () => files({ 'events.ndjson': `${twoItems.join('\n')}\n` })['events.ndjson']!
const withCredentials = (url: string) => url.replace('http://', 'http://herbie:s3cr3t-pass@')

describe('URLs the user gives: checked, and never printed with their password', () => {
  let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>
  beforeAll(async () => {
    receiver = await startOtlpReceiver()
  })
  afterAll(() => receiver.close())

  it('export --otlp with credentials: the progress line hides the password', async () => {
    const { code, stderr } = await herbieIn(
      {},
      'export',
      '--events',
      eventsFile(),
      '--otlp',
      withCredentials(receiver.url),
    )
    expect(code).toBe(0)
    expect(stderr).toMatch(
      /^sent \d+ metrics \(\d+ data points\) from 14 events to http:\/\/herbie:\*\*\*@127\.0\.0\.1:\d+\/v1\/metrics$/m,
    )
    expect(stderr).not.toContain('s3cr3t-pass')
    // The credentials travel as basic auth, not in the URL.
    expect(receiver.requests.at(-1)!.headers.authorization).toBe(
      `Basic ${Buffer.from('herbie:s3cr3t-pass').toString('base64')}`,
    )
  })

  it('export --otlp with credentials to a receiver that refuses: the error hides the password', async () => {
    const refusing = await startOtlpReceiver(400)
    const { code, stderr } = await herbieIn(
      {},
      'export',
      '--events',
      eventsFile(),
      '--otlp',
      withCredentials(refusing.url),
    )
    await refusing.close()
    expect(code).toBe(1)
    expect(stderr).toMatch(
      /^error: OTLP export to http:\/\/herbie:\*\*\*@127\.0\.0\.1:\d+\/v1\/metrics failed: /m,
    )
    expect(stderr).not.toContain('s3cr3t-pass')
  })

  it('a malformed URL or another scheme given to --otlp is bad input naming the option', async () => {
    const bad = async (url: string) => {
      const { code, stderr } = await herbieIn({}, 'export', '--events', eventsFile(), '--otlp', url)
      return [code, stderr.trim()]
    }
    expect(await bad('collector:4318')).toEqual([
      2,
      'error: --otlp: unsupported scheme collector: (use http or https)',
    ])
    expect(await bad('not a url')).toEqual([2, 'error: --otlp: not a URL: not a url'])
    expect(await bad('http://herbie:s3cr3t-pass@')).toEqual([
      2,
      'error: --otlp: not a URL: http://herbie:***@',
    ])
    expect(await bad('ftp://collector')).toEqual([
      2,
      'error: --otlp: unsupported scheme ftp: (use http or https)',
    ])
  })

  it('sync github: --base-url is checked like --otlp, and --since like --from', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'herbie-urls-'))
    const sync = async (...extra: string[]) => {
      const { code, stderr } = await herbieIn(
        {},
        'sync',
        'github',
        '--repo',
        'acme/api',
        '--out',
        join(dir, 'events.ndjson'),
        '--checkpoints',
        join(dir, 'checkpoints'),
        ...extra,
      )
      return [code, stderr.trim()]
    }
    expect(await sync('--base-url', 'ftp://github.example.com')).toEqual([
      2,
      'error: --base-url: unsupported scheme ftp: (use http or https)',
    ])
    expect(await sync('--base-url', 'github.example.com/api/v3')).toEqual([
      2,
      'error: --base-url: not a URL: github.example.com/api/v3',
    ])
    expect(await sync('--base-url', 'https://herbie:s3cr3t-pass@github.example.com/api/v3')).toEqual([
      2,
      'error: --base-url: credentials in the URL are not sent (https://herbie:***@github.example.com/api/v3): give a token instead',
    ])
    expect(await sync('--since', 'yesterday')).toEqual([
      2,
      'error: --since "yesterday" is not a date: use ISO-8601 like 2026-03-01 or 2026-03-01T09:00:00Z',
    ])
  })

  it('herbie.config.json: a URL option and since are checked the same way, naming the file and the key', async () => {
    const run = async (options: Record<string, unknown>) => {
      const dir = mkdtempSync(join(tmpdir(), 'herbie-urls-'))
      const file = join(dir, 'herbie.config.json')
      writeFileSync(
        file,
        JSON.stringify({
          sources: { gh: { adapter: 'github', options: { repositories: ['a/b'], ...options } } },
        }),
      )
      const { code, stderr } = await herbieIn({ cwd: dir }, 'sync')
      return [code, stderr.trim().replace(file, 'FILE')]
    }
    expect(await run({ baseUrl: 'ftp://github.example.com' })).toEqual([
      2,
      'error: FILE: sources.gh.options.baseUrl: unsupported scheme ftp: (use http or https)',
    ])
    expect(await run({ baseUrl: 'http://herbie:s3cr3t-pass@' })).toEqual([
      2,
      'error: FILE: sources.gh.options.baseUrl: not a URL: http://herbie:***@',
    ])
    expect(await run({ since: 'last tuesday' })).toEqual([
      2,
      'error: FILE: sources.gh.options.since: "last tuesday" is not a date: use ISO-8601 like 2026-03-01 or 2026-03-01T09:00:00Z',
    ])
  })
})
