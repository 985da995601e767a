/**
 * `herbie sync gitlab` against a loopback GitLab serving the story's project acme/ledger (a
 * production deployment) and a copy of it without deployments, acme/billing. The analysis picks
 * the done rule per project: acme/ledger!23 is done at its production deployment
 * (2026-03-09T08:05:11.000Z to 2026-03-10T11:40:12.441Z: 99301.441 s), acme/billing!23 at its
 * merge (to 2026-03-10T11:05:30.412Z: 97219.412 s). Events: acme/ledger 17 (!23 16, draft !24 one),
 * acme/billing 12 (no deployment events).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { answer, storyProject } from '../../gitlab/test/fakeGitlab.js'
import { herbieAsync, herbieIn } from './support/run.js'

const TOKEN = 'glpat-loopback000000000'

describe('herbie sync gitlab against a loopback GitLab', () => {
  const ledger = storyProject()
  const billing = { ...storyProject(), id: 4822, path: 'acme/billing', deployments: [], requests: [] }
  let baseUrl = ''
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', `http://${request.headers.host}`)
    const reply =
      request.headers['private-token'] === TOKEN
        ? answer([ledger, billing], url)
        : { status: 401, body: { message: '401 Unauthorized' } }
    response.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers })
    response.end(JSON.stringify(reply.body))
  })
  const dir = mkdtempSync(join(tmpdir(), 'herbie-gitlab-'))
  const out = join(dir, 'events.ndjson')
  const args = () => [
    'sync',
    'gitlab',
    '--project',
    'acme/ledger',
    '--project',
    '4822',
    '--base-url',
    baseUrl,
    '--out',
    out,
    '--checkpoints',
    join(dir, 'checkpoints'),
  ]

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  it('syncs both projects with the token from GITLAB_TOKEN (sent as PRIVATE-TOKEN), by path and by id', async () => {
    const { code, stderr } = await herbieAsync({ GITLAB_TOKEN: TOKEN }, ...args())
    expect(stderr).toMatch(
      /^synced acme\/ledger, 4822: \d+ pages, 29 events, 29 written to .*events\.ndjson, 0 already there$/m,
    )
    expect(code).toBe(0)
    const lines = readFileSync(out, 'utf8').trim().split('\n')
    expect(lines).toHaveLength(29)
    expect(new Set(lines.map((line) => (JSON.parse(line) as { itemId: string }).itemId))).toEqual(
      new Set([
        'gitlab:acme/ledger!23',
        'gitlab:acme/ledger!24',
        'gitlab:acme/billing!23',
        'gitlab:acme/billing!24',
      ]),
    )
  })

  it('herbie analyze: done at the production deployment in acme/ledger, at the merge in acme/billing', async () => {
    const { code, stdout } = await herbieIn({}, 'analyze', '--events', out, '--json')
    expect(code).toBe(0)
    const report = JSON.parse(stdout)
    expect(report.done.scopes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ scope: 'acme/ledger', rule: 'production-deploy' }),
        expect.objectContaining({ scope: 'acme/billing', rule: 'merge' }),
      ]),
    )
    expect(report.items.completed).toBe(2)
    expect(report.leadTime.count).toBe(2)
    expect(report.leadTime.mean).toBeCloseTo((99_301.441 + 97_219.412) / 2, 3)
  })

  it('a second sync right after writes nothing and asks each project four times', async () => {
    const before = ledger.requests.length
    const { code, stderr } = await herbieAsync({ GITLAB_TOKEN: TOKEN }, ...args())
    expect(code).toBe(0)
    expect(stderr).toMatch(
      /^synced acme\/ledger, 4822: 6 pages, 0 events, 0 written to .*, 0 already there$/m,
    )
    expect(ledger.requests.length - before).toBe(4)
  })

  it('without GITLAB_TOKEN it says so on stderr, and the private project fails with 401', async () => {
    const { code, stderr } = await herbieIn(
      { env: { GITLAB_TOKEN: '' } },
      'sync',
      'gitlab',
      '--project',
      'acme/ledger',
      '--base-url',
      baseUrl,
      '--out',
      join(dir, 'none.ndjson'),
      '--checkpoints',
      join(dir, 'none'),
    )
    expect(stderr).toContain(
      'GITLAB_TOKEN is not set: syncing without a token, so only public projects can be read (set it to a token with the read_api scope)\n',
    )
    expect(stderr).toMatch(
      /^error: gitlab: authentication failed \(401\) for http:\/\/127\.0\.0\.1:\d+\/api\/v4\/projects\/acme%2Fledger: bad credentials \(401 Unauthorized\)$/m,
    )
    expect(code).toBe(1)
  })

  it('gitlab is a built-in source of herbie.config.json', async () => {
    const project = mkdtempSync(join(tmpdir(), 'herbie-gitlab-config-'))
    const config = {
      sources: {
        ledger: {
          adapter: 'gitlab',
          options: { projects: ['acme/ledger'], baseUrl, token: { env: 'LEDGER_TOKEN' } },
        },
      },
    }
    writeFileSync(join(project, 'herbie.config.json'), JSON.stringify(config))
    const { code, stderr } = await herbieIn({ cwd: project, env: { LEDGER_TOKEN: TOKEN } }, 'sync')
    expect(stderr).toMatch(/^\[ledger\] synced with gitlab: \d+ pages, 17 events$/m)
    expect(code).toBe(0)
  })
})
