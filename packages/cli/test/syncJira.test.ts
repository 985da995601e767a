/**
 * `herbie sync jira` against a loopback Jira shaped like the story's PAY project: as Jira Cloud
 * (email and API token, the enhanced search) and as Data Center (a personal access token, the v2
 * search by startAt). Then a second sync right after, a config-file source, and a run without
 * JIRA_TOKEN.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { herbieAsync, herbieIn, writtenEvents } from './support/run.js'

const EMAIL = 'dana-k@acme.example'
const TOKEN = 'ATATT3xFfGF0-cli-test-token'
const PAT = 'NjQ3ODkxMjM0NTY3OkRhdGFDZW50ZXI'
const fixture = (name: string) =>
  readFileSync(new URL(`../../jira/test/fixtures/${name}`, import.meta.url), 'utf8')
type Issue = { key: string; fields: { updated: string } }
const issues = [
  ...(JSON.parse(fixture('search-jql-page1.json')) as { issues: Issue[] }).issues,
  ...(JSON.parse(fixture('search-jql-page2.json')) as { issues: Issue[] }).issues,
]
const instant = (time: string) => Date.parse(time.replace(/(\d{2})(\d{2})$/, '$1:$2'))

describe('herbie sync jira against a loopback Jira', () => {
  const requests: string[] = []
  let origin = ''
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', `http://${request.headers.host}`)
    requests.push(url.pathname)
    const send = (status: number, body: string) => {
      response.writeHead(status, { 'content-type': 'application/json;charset=UTF-8' })
      response.end(body)
    }
    const auth = request.headers.authorization
    const cloud = auth === `Basic ${Buffer.from(`${EMAIL}:${TOKEN}`).toString('base64')}`
    if (!cloud && auth !== `Bearer ${PAT}`) return send(401, fixture('errors/401.json'))
    const version = url.pathname.startsWith('/rest/api/3/') ? '3' : '2'
    if (url.pathname === `/rest/api/${version}/status`) return send(200, fixture('status-cloud.json'))
    const bound = /updated >= "(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})"/.exec(url.searchParams.get('jql') ?? '')
    const matching = issues
      .filter(
        (issue) =>
          bound === null || instant(issue.fields.updated) >= Date.parse(`${bound[1]}T${bound[2]}:00Z`),
      )
      .sort((a, b) => instant(a.fields.updated) - instant(b.fields.updated))
    if (url.pathname === '/rest/api/3/search/jql')
      return send(200, JSON.stringify({ issues: matching, isLast: true }))
    if (url.pathname === '/rest/api/2/search') {
      return send(
        200,
        JSON.stringify({ startAt: 0, maxResults: 50, total: matching.length, issues: matching }),
      )
    }
    return send(404, JSON.stringify({ errorMessages: ['Not found'], errors: {} }))
  })
  const dir = mkdtempSync(join(tmpdir(), 'herbie-jira-'))
  const sync = (env: Record<string, string>, out: string, checkpoints = join(dir, 'checkpoints')) =>
    herbieAsync(
      env,
      'sync',
      'jira',
      '--base-url',
      origin,
      '--jql',
      'project = PAY',
      '--out',
      out,
      '--checkpoints',
      checkpoints,
    )
  const written = writtenEvents

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  it("with JIRA_EMAIL and JIRA_TOKEN it says so, uses Cloud's search and writes PAY-142's life up to Done", async () => {
    const out = join(dir, 'cloud.ndjson')
    const { code, stderr } = await sync({ JIRA_EMAIL: EMAIL, JIRA_TOKEN: TOKEN }, out)
    expect(code).toBe(0)
    expect(stderr).toContain(
      'authenticating as dana-k@acme.example with an API token (basic auth, Jira Cloud)',
    )
    expect(stderr).toMatch(
      /^synced http:\/\/127\.0\.0\.1:\d+ project = PAY: 1 pages, 13 events, 13 written to .*cloud\.ndjson, 0 already there$/m,
    )
    expect(requests).toEqual(['/rest/api/3/status', '/rest/api/3/search/jql'])
    expect(
      written(out)
        .filter((event) => event.itemId === 'jira:PAY-142')
        .map((event) => `${event.id} ${event.stage} ${event.type} ${event.at}`),
    ).toEqual([
      'jira:PAY-142:created:enter backlog enter 2026-03-02T09:15:00.000Z',
      'jira:PAY-142:10571:exit backlog exit 2026-03-03T10:02:11.000Z',
      'jira:PAY-142:10571:enter develop enter 2026-03-03T10:02:11.000Z',
      'jira:PAY-142:10627:exit develop exit 2026-03-06T11:00:27.000Z',
      'jira:PAY-142:10627:done:enter done enter 2026-03-06T11:00:27.000Z',
    ])
  })

  it('a second sync right after makes two requests and writes nothing new', async () => {
    requests.length = 0
    const { code, stderr } = await sync({ JIRA_EMAIL: EMAIL, JIRA_TOKEN: TOKEN }, join(dir, 'cloud.ndjson'))
    expect(code).toBe(0)
    expect(requests).toEqual(['/rest/api/3/status', '/rest/api/3/search/jql'])
    expect(stderr).toMatch(/: 1 pages, 5 events, 0 written to .*, 5 already there$/m)
  })

  it('with JIRA_TOKEN alone it says it uses a Data Center personal access token, and the v2 search', async () => {
    requests.length = 0
    const out = join(dir, 'dc.ndjson')
    const { code, stderr } = await sync({ JIRA_EMAIL: '', JIRA_TOKEN: PAT }, out, join(dir, 'dc-checkpoints'))
    expect(code).toBe(0)
    expect(stderr).toContain(
      'JIRA_TOKEN without JIRA_EMAIL: authenticating with a Data Center personal access token (bearer); for Jira Cloud also set JIRA_EMAIL',
    )
    expect(requests).toEqual(['/rest/api/2/status', '/rest/api/2/search'])
    expect(
      written(out)
        .filter((event) => event.attributes?.doneRule === 'tracker')
        .map((event) => event.itemId),
    ).toEqual(['jira:PAY-142', 'jira:PAY-150'])
  })

  it('jira is a source of herbie.config.json, with JIRA_EMAIL and JIRA_TOKEN', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'herbie-jira-config-'))
    writeFileSync(
      join(folder, 'herbie.config.json'),
      JSON.stringify({
        // The store is the default; these tests read the NDJSON file.
        out: 'events.ndjson',
        sources: {
          tracker: {
            adapter: 'jira',
            options: { baseUrl: origin, jql: 'project = PAY', waitStatuses: ['Ready for QA'] },
          },
        },
      }),
    )
    const { code, stderr } = await herbieIn(
      { cwd: folder, env: { JIRA_EMAIL: EMAIL, JIRA_TOKEN: TOKEN } },
      'sync',
    )
    expect(code).toBe(0)
    expect(stderr).toMatch(/^\[tracker\] synced with jira: 1 pages, 17 events$/m)
    expect(
      written(join(folder, 'events.ndjson'))
        .filter((event) => event.stage === 'ready-for-qa')
        .map((event) => event.type),
    ).toEqual(['enter', 'exit'])
  })

  it('without JIRA_TOKEN it says so, and the 401 says what to set', async () => {
    const { code, stderr } = await sync(
      { JIRA_EMAIL: '', JIRA_TOKEN: '' },
      join(dir, 'anonymous.ndjson'),
      join(dir, 'none'),
    )
    expect(code).not.toBe(0)
    expect(stderr).toContain('JIRA_TOKEN is not set: syncing anonymously')
    expect(stderr).toContain(
      'Jira wants credentials: set JIRA_EMAIL and JIRA_TOKEN (Jira Cloud) or JIRA_TOKEN alone (a Data Center personal access token)',
    )
  })
})
