import { mkdtempSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFakeGithub } from './support/fakeGithub.js'
import { herbieAsync } from './support/run.js'

const NOTICE =
  'warning: GITHUB_TOKEN is not set: syncing anonymously, which GitHub limits to 60 requests an hour and to public repositories'

const closedPort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0))
    })
  })

describe('herbie sync github on its own', () => {
  let server: Awaited<ReturnType<typeof startFakeGithub>>
  const dir = mkdtempSync(join(tmpdir(), 'herbie-sync-network-'))
  const sync = (env: Record<string, string>, baseUrl: string, name: string) =>
    herbieAsync(
      env,
      'sync',
      'github',
      '--repo',
      'acme/payments',
      '--base-url',
      baseUrl,
      '--out',
      join(dir, `${name}.ndjson`),
      '--checkpoints',
      join(dir, name),
    )
  beforeAll(async () => {
    server = await startFakeGithub()
  })
  afterAll(() => server.close())

  it('says GITHUB_TOKEN is not set, and what that means, before it asks anonymously', async () => {
    const before = server.requests.length
    const { stderr } = await sync({ GITHUB_TOKEN: '' }, server.baseUrl, 'anonymous')
    expect(stderr.split('\n')[0]).toBe(NOTICE)
    expect(server.requests.length).toBeGreaterThan(before)
  })

  it('says nothing of the kind with a token', async () => {
    const { code, stderr } = await sync({ GITHUB_TOKEN: 'ghs_loopbacktoken000' }, server.baseUrl, 'token')
    expect(code).toBe(0)
    expect(stderr).not.toContain('GITHUB_TOKEN')
  })

  it('names the host it could not reach, in one error line', async () => {
    const port = await closedPort()
    const { code, stderr } = await sync(
      { GITHUB_TOKEN: 'ghs_loopbacktoken000' },
      `http://127.0.0.1:${port}/api/v3`,
      'unreachable',
    )
    const lines = stderr.trim().split('\n')
    expect(lines.at(-1)).toBe(`error: could not reach 127.0.0.1:${port}: connection refused`)
    expect(lines.filter((line) => line.startsWith('error:'))).toHaveLength(1)
    expect(lines[0]).toBe(`retrying: could not reach 127.0.0.1:${port}: connection refused`)
    expect(code).toBe(1)
  })
})
