/**
 * `herbie sync jenkins` against a loopback Jenkins behind `/jenkins`, shaped like the story's:
 * the multibranch project `payments` with its `main` job and builds #311 (the merge commit, with
 * a manual approval before a staging deploy) and #310 (failed in Test). Then a second sync right
 * after, a config-file source, and a run without JENKINS_USER and JENKINS_TOKEN.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { jenkinsStoryAnswer } from './support/jenkinsStory.js'
import { herbieAsync, herbieIn, writtenEvents } from './support/run.js'

const USER = 'dana-k'
const TOKEN = '11d5c9a7e3b14f2a8c6e0d9b7a5f3e1c42'
const fixture = (name: string) =>
  readFileSync(new URL(`../../jenkins/test/fixtures/${name}`, import.meta.url), 'utf8')

describe('herbie sync jenkins against a loopback Jenkins behind /jenkins', () => {
  const requests: string[] = []
  let origin = ''
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', `http://${request.headers.host}`)
    requests.push(url.pathname)
    const send = (status: number, body: string, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'content-type': 'application/json;charset=utf-8', ...headers })
      response.end(body)
    }
    if (request.headers.authorization !== `Basic ${Buffer.from(`${USER}:${TOKEN}`).toString('base64')}`) {
      return send(403, fixture('errors/403-anonymous.html'), {
        'content-type': 'text/html;charset=utf-8',
        'x-you-are-authenticated-as': 'anonymous',
      })
    }
    const answer = jenkinsStoryAnswer(origin, url)
    if (answer !== undefined) return send(200, answer)
    return send(404, '<html>Not Found</html>', { 'content-type': 'text/html' })
  })
  const dir = mkdtempSync(join(tmpdir(), 'herbie-jenkins-'))
  const out = join(dir, 'events.ndjson')
  const env = { JENKINS_USER: USER, JENKINS_TOKEN: TOKEN }
  const sync = (extra: Record<string, string> = env) =>
    herbieAsync(
      extra,
      'sync',
      'jenkins',
      '--base-url',
      `${origin}/jenkins`,
      '--out',
      out,
      '--checkpoints',
      join(dir, 'checkpoints'),
    )
  const written = (file = out) => writtenEvents(file)

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  it('writes #311 as CI, the approval as waiting in deploy-queue and the staging deploy, and #310 as a failed CI stay', async () => {
    const { code, stderr } = await sync()
    expect(code).toBe(0)
    expect(stderr).toMatch(
      /^synced http:\/\/127\.0\.0\.1:\d+\/jenkins: 1 pages, 8 events, 8 written to .*events\.ndjson, 0 already there$/m,
    )
    const merge = 'github:acme/payments@9f1c2e7b4a6d8c0e1f3a5b7c9d2e4f6a8b0c1d3e'
    expect(
      written()
        .filter((event) => event.itemId === merge)
        .map(
          (event) =>
            `${event.id.slice(merge.length + 1)} ${event.stage} ${event.at}${event.outcome === undefined ? '' : ` ${event.outcome}`}`,
        ),
    ).toEqual([
      'build:payments/main#311:1:enter ci 2026-03-05T14:31:02Z',
      'build:payments/main#311:1:exit ci 2026-03-05T14:44:06.447Z success',
      'build:payments/main#311:49:input:enter deploy-queue 2026-03-05T14:44:06.447Z',
      'build:payments/main#311:49:input:exit deploy-queue 2026-03-05T14:49:07.642Z',
      'build:payments/main#311:57:enter deploy 2026-03-05T14:49:07.642Z',
      'build:payments/main#311:57:exit deploy 2026-03-05T14:51:08.130Z success',
    ])
    expect(
      written()
        .filter((event) => event.outcome === 'failure')
        .map((event) => event.id),
    ).toEqual([
      'github:acme/payments@4e8f0a2b6c1d9e3f5a7b0c2d4e6f8a1b3c5d7e9f:build:payments/main#310:1:exit',
    ])
  })

  it('a second sync right after makes one request and writes nothing', async () => {
    requests.length = 0
    const { code, stderr } = await sync()
    expect(code).toBe(0)
    expect(requests).toEqual(['/jenkins/api/json'])
    expect(stderr).toMatch(/: 0 pages, 0 events, 0 written to .*, 0 already there$/m)
  })

  it('jenkins is a source of herbie.config.json, with JENKINS_USER and JENKINS_TOKEN', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'herbie-jenkins-config-'))
    writeFileSync(
      join(folder, 'herbie.config.json'),
      JSON.stringify({
        // The store is the default; these tests read the NDJSON file.
        out: 'events.ndjson',
        sources: {
          ci: { adapter: 'jenkins', options: { baseUrl: `${origin}/jenkins`, jobs: ['payments'] } },
        },
      }),
    )
    const { code, stderr } = await herbieIn({ cwd: folder, env }, 'sync')
    expect(code).toBe(0)
    expect(stderr).toMatch(/^\[ci\] synced with jenkins: 1 pages, 8 events$/m)
    expect(written(join(folder, 'events.ndjson')).length).toBe(8)
  })

  it('without JENKINS_USER and JENKINS_TOKEN it says so, and the 403 as anonymous says what to set', async () => {
    const { code, stderr } = await sync({ JENKINS_USER: '', JENKINS_TOKEN: '' })
    expect(code).not.toBe(0)
    expect(stderr).toContain('JENKINS_USER and JENKINS_TOKEN are not set: syncing as anonymous')
    expect(stderr).toContain(
      'Jenkins does not let anonymous users read it (X-You-Are-Authenticated-As: anonymous): set the user and token options (JENKINS_USER, JENKINS_TOKEN)',
    )
  })
})
