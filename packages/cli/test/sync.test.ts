import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFakeGithub } from './support/fakeGithub.js'
import { herbie, herbieAsync } from './support/run.js'

describe('herbie sync github against a loopback GitHub Enterprise Server', () => {
  let server: Awaited<ReturnType<typeof startFakeGithub>>
  const dir = mkdtempSync(join(tmpdir(), 'herbie-sync-'))
  const out = join(dir, 'events.ndjson')
  const checkpoints = join(dir, 'checkpoints')
  const env = { GITHUB_TOKEN: 'ghs_loopbacktoken000' }
  const sync = (token: string, target: string, checkpointDir: string, ...extra: string[]) =>
    herbieAsync(
      { GITHUB_TOKEN: token },
      'sync',
      'github',
      '--repo',
      'acme/payments',
      '--base-url',
      server.baseUrl,
      '--out',
      target,
      '--checkpoints',
      checkpointDir,
      ...extra,
    )
  beforeAll(async () => {
    server = await startFakeGithub()
  })
  afterAll(() => server.close())

  it('backfills into the file with progress on stderr, then analyze works on it', async () => {
    // The production candidate only: with both (the default), picking one is the analysis's part.
    const { code, stderr } = await sync(env.GITHUB_TOKEN, out, checkpoints, '--done-at', 'production-deploy')
    expect(stderr).toMatch(/^page http:\/\/127\.0\.0\.1:\d+\/api\/v3\/repos\/acme\/payments\/pulls\?/m)
    expect(stderr).toMatch(
      /^synced acme\/payments: \d+ pages, 26 events, 26 written to .*events\.ndjson, 0 already there$/m,
    )
    expect(code).toBe(0)
    const lines = readFileSync(out, 'utf8').trim().split('\n')
    expect(lines).toHaveLength(26)
    const report = JSON.parse(herbie('analyze', '--events', out, '--json').stdout)
    expect(report.items.completed).toBe(1)
    expect(report.leadTime.p50).toBe(2 * 86_400 + 5 * 3600 + 24 * 60 + 29)
  })

  it('a second sync fetches only what changed and writes nothing twice', async () => {
    const before = server.requests.length
    const { code, stderr } = await sync(env.GITHUB_TOKEN, out, checkpoints, '--done-at', 'production-deploy')
    expect(code).toBe(0)
    expect(stderr).toMatch(/0 written to .*, 0 already there$/m)
    expect(readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(26)
    // One page of pull requests (all older than the checkpoint), runs filtered by date, one page of deployments.
    expect(server.requests.slice(before).every((path) => !path.includes('/timeline'))).toBe(true)
  })

  it('a bad token fails in one line naming no secret (exit 1)', async () => {
    const { code, stderr } = await sync('ghs_wrongtoken', join(dir, 'x.ndjson'), join(dir, 'c2'))
    expect(code).toBe(1)
    expect(stderr.trim()).toMatch(
      /^error: github: authentication failed \(401\) for http:\/\/127\.0\.0\.1:\d+\/api\/v3\/repos\/acme\/payments\/pulls\?.*: bad credentials \(Bad credentials\)$/,
    )
    expect(stderr).not.toContain('ghs_wrongtoken')
  })

  it('an invalid repository name is bad input (exit 2) naming the field', async () => {
    const { code, stderr } = await herbieAsync(
      env,
      'sync',
      'github',
      '--repo',
      'not-a-repo',
      '--base-url',
      server.baseUrl,
      '--out',
      out,
    )
    expect(code).toBe(2)
    expect(stderr.trim()).toBe(
      'error: github: invalid config at repositories[0]: a repository is written OWNER/NAME',
    )
  })
})
