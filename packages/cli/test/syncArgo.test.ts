/**
 * `herbie sync argocd` and `herbie sync argo-workflows` against a loopback Argo CD and Argo
 * Server shaped like the story's: payments-prod with history entry 41 (the merge commit) and
 * payments-staging; the integration-test workflows of payments-ci. Then a second sync right
 * after, a config-file source of each, and runs without ARGOCD_TOKEN and ARGO_TOKEN.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { herbieAsync, herbieIn, writtenEvents } from './support/run.js'

const ARGOCD_TOKEN = 'eyJhbGciOiJIUzI1NiJ9.argocd-test-token.c2lnbmF0dXJl'
const ARGO_TOKEN = 'eyJhbGciOiJSUzI1NiJ9.argo-workflows-sa-token.c2ln'
const fixture = (name: string) =>
  readFileSync(new URL(`../../argo/test/fixtures/${name}`, import.meta.url), 'utf8')
const MERGE = 'github:acme/payments-deploy@9f1c2e7b4a6d8c0e1f3a5b7c9d2e4f6a8b0c1d3e'

describe('herbie sync argocd and argo-workflows against loopback Argo servers', () => {
  const requests: string[] = []
  let origin = ''
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', `http://${request.headers.host}`)
    requests.push(`${url.pathname}${url.search}`)
    const send = (status: number, body: string) => {
      response.writeHead(status, { 'content-type': 'application/json' })
      response.end(body)
    }
    const argocd = url.pathname.startsWith('/argocd/')
    const token = argocd ? ARGOCD_TOKEN : ARGO_TOKEN
    if (request.headers.authorization !== `Bearer ${token}`) {
      return send(401, fixture(argocd ? 'errors/401.json' : 'errors/workflows-401.json'))
    }
    if (url.pathname === '/argocd/api/v1/applications') return send(200, fixture('applications-list.json'))
    if (url.pathname === '/argo/api/v1/workflows/payments-ci')
      return send(200, fixture('workflows-list.json'))
    if (url.pathname === '/argo/api/v1/archived-workflows') return send(200, '{"metadata":{},"items":null}')
    return send(404, '{"code":5,"message":"Not Found"}')
  })
  const dir = mkdtempSync(join(tmpdir(), 'herbie-argo-'))
  const out = join(dir, 'events.ndjson')
  const written = (file = out) => writtenEvents(file)
  const syncArgocd = (env: Record<string, string> = { ARGOCD_TOKEN }) =>
    herbieAsync(
      env,
      'sync',
      'argocd',
      '--base-url',
      `${origin}/argocd`,
      '--app',
      'payments-prod',
      '--out',
      out,
      '--checkpoints',
      join(dir, 'checkpoints'),
    )
  const syncWorkflows = (env: Record<string, string> = { ARGO_TOKEN }) =>
    herbieAsync(
      env,
      'sync',
      'argo-workflows',
      '--base-url',
      `${origin}/argo`,
      '--namespace',
      'payments-ci',
      '--out',
      out,
      '--checkpoints',
      join(dir, 'checkpoints'),
    )

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  it('argocd writes payments-prod’s history, entry 41 a deploy of the merge commit and its done candidate; a second sync makes one request', async () => {
    requests.length = 0
    const { code, stderr } = await syncArgocd()
    expect(code).toBe(0)
    expect(stderr).toMatch(
      /^synced http:\/\/127\.0\.0\.1:\d+\/argocd: 1 pages, 9 events, 9 written to .*events\.ndjson, 0 already there$/m,
    )
    expect(
      written()
        .filter((event) => event.itemId === MERGE)
        .map(
          (event) =>
            `${event.id.slice(MERGE.length + 1)} ${event.stage} ${event.at}${event.outcome === undefined ? '' : ` ${event.outcome}`}`,
        ),
    ).toEqual([
      'argocd/payments-prod:history:41:enter deploy 2026-03-05T16:00:02Z',
      'argocd/payments-prod:history:41:exit deploy 2026-03-05T16:04:38Z success',
      'argocd/payments-prod:history:41:done:enter done 2026-03-05T16:04:38Z',
    ])
    requests.length = 0
    const again = await syncArgocd()
    expect(again.code).toBe(0)
    expect(requests).toEqual(['/argocd/api/v1/applications'])
    expect(again.stderr).toMatch(/: 1 pages, 0 events, 0 written to .*, 0 already there$/m)
  })

  it('argo-workflows writes the integration tests of the merge commit as CI stays', async () => {
    const { code, stderr } = await syncWorkflows()
    expect(code).toBe(0)
    expect(stderr).toMatch(
      /^synced http:\/\/127\.0\.0\.1:\d+\/argo: 2 pages, 6 events, 6 written to .*, 0 already there$/m,
    )
    const item = 'github:acme/payments@9f1c2e7b4a6d8c0e1f3a5b7c9d2e4f6a8b0c1d3e'
    expect(
      written()
        .filter((event) => event.itemId === item)
        .map((event) => `${event.stage} ${event.at}`),
    ).toEqual([
      'ci 2026-03-05T14:50:01Z',
      'ci 2026-03-05T15:03:09Z',
      'ci 2026-03-05T15:03:19Z',
      'ci 2026-03-05T15:07:23Z',
    ])
  })

  it('argocd and argo-workflows are sources of herbie.config.json, with ARGOCD_TOKEN and ARGO_TOKEN', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'herbie-argo-config-'))
    writeFileSync(
      join(folder, 'herbie.config.json'),
      JSON.stringify({
        // The store is the default; these tests read the NDJSON file.
        out: 'events.ndjson',
        sources: {
          deploys: { adapter: 'argocd', options: { baseUrl: `${origin}/argocd` } },
          itests: {
            adapter: 'argo-workflows',
            options: { baseUrl: `${origin}/argo`, namespace: 'payments-ci' },
          },
        },
      }),
    )
    const { code, stderr } = await herbieIn({ cwd: folder, env: { ARGOCD_TOKEN, ARGO_TOKEN } }, 'sync')
    expect(code).toBe(0)
    expect(stderr).toMatch(/^\[deploys\] synced with argocd: 1 pages, 15 events$/m)
    expect(stderr).toMatch(/^\[itests\] synced with argo-workflows: 2 pages, 6 events$/m)
    expect(written(join(folder, 'events.ndjson')).length).toBe(21)
  })

  it('without ARGOCD_TOKEN or ARGO_TOKEN each says so, and the 401 says what to set', async () => {
    const argocd = await syncArgocd({ ARGOCD_TOKEN: '' })
    expect(argocd.code).not.toBe(0)
    expect(argocd.stderr).toContain('ARGOCD_TOKEN is not set: syncing without a token')
    expect(argocd.stderr).toContain(
      'Argo CD wants a token (invalid session: token has invalid claims: token is expired): set ARGOCD_TOKEN',
    )
    const workflows = await syncWorkflows({ ARGO_TOKEN: '' })
    expect(workflows.code).not.toBe(0)
    expect(workflows.stderr).toContain('ARGO_TOKEN is not set: syncing without a token')
    expect(workflows.stderr).toContain('Argo Workflows wants a token')
  })
})
