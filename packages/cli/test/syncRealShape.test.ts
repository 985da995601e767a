/**
 * `herbie sync github` against a loopback GitHub shaped like a real repository: no deployments;
 * CodeQL and stale scheduled every week on one commit of main; three workflows per pull request
 * and one re-run; two runs on a commit force-pushed away (422) and one run deleted after it was
 * listed (404); a pull request closed unmerged. Then a second, incremental sync.
 *
 * Expected analysis (for `herbie analyze` once core picks the done rule per repository): acme/shop
 * has no production deployment, so items are done at the merge.
 * - done by merge: 2 items, github:acme/shop#101 and github:acme/shop#102;
 * - lead times: #101 from its first commit 2026-05-04T09:00:00Z to its merge 14:00:00Z = 18000 s;
 *   #102 from 2026-05-05T10:00:00Z to 12:30:00Z = 9000 s (p50 13500 s);
 * - not done: #103 (abandoned at its close) and github:acme/shop@<gone commit> (CI only).
 * Between the two syncs a CI run on #102's head is added (created after the first sync began):
 * the second sync joins it to #102 from the checkpoint, without a commit lookup.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  addRuns,
  answer,
  commits,
  type FakeRepository,
  fakeRepository,
  pull,
  run,
  t,
} from '../../github/test/fakeRepository.js'
import { herbieAsync, herbieIn, writtenEvents } from './support/run.js'

const TOKEN = 'ghs_loopbacktoken000'
const A1 = 'a1'.repeat(20)
const B1 = 'b1'.repeat(20)
const C1 = 'c1'.repeat(20)
const M0 = 'd0'.repeat(20)
const M1 = 'd1'.repeat(20)
const M2 = 'd2'.repeat(20)
const GONE = 'ee'.repeat(20)

const reviewed = (state: string, at: string) => ({ event: 'reviewed', state, submitted_at: at })

const shop = (): FakeRepository => {
  const day = (n: number) => `2026-05-0${n}`
  const repository = fakeRepository('acme/shop', {
    pulls: [
      pull(101, { created: t(day(4), 570), sha: A1, merged: { at: t(day(4), 840), sha: M1 } }),
      pull(102, { created: t(day(5), 620), sha: B1, merged: { at: t(day(5), 750), sha: M2 } }),
      pull(103, { created: t(day(6), 490), sha: C1, closed: t(day(6), 960) }),
    ],
    timelines: {
      101: [
        ...commits(t(day(4), 540), A1),
        reviewed('changes_requested', t(day(4), 660)),
        reviewed('approved', t(day(4), 780)),
      ],
      102: [...commits(t(day(5), 600), B1), reviewed('approved', t(day(5), 720))],
      103: commits(t(day(6), 480), C1),
    },
    goneCommits: new Set([GONE]),
    deletedRuns: new Set([5040]),
  })
  const once = (at: number, start: number, end: number, conclusion = 'success') =>
    [t(day(4), at), t(day(4), start), t(day(4), end), conclusion] as const
  const on = (n: number, at: number, start: number, end: number, conclusion = 'success') =>
    [t(day(n), at), t(day(n), start), t(day(n), end), conclusion] as const
  addRuns(
    repository,
    // #101: three workflows at once, Build fails and is re-run; then main's CI on the merge.
    run(5001, { name: 'CI', event: 'pull_request', sha: A1, attempts: [once(571, 572, 590)] }),
    run(5002, { name: 'Lint', event: 'pull_request', sha: A1, attempts: [once(571, 573, 578)] }),
    run(5003, {
      name: 'Build',
      event: 'pull_request',
      sha: A1,
      attempts: [once(571, 574, 595, 'failure'), once(630, 631, 652)],
    }),
    run(5004, { name: 'CI', event: 'push', sha: M1, attempts: [once(841, 842, 855)] }),
    // #102: three workflows at once, all green; main's CI on the merge.
    run(5011, { name: 'CI', event: 'pull_request', sha: B1, attempts: [on(5, 621, 622, 640)] }),
    run(5012, { name: 'Lint', event: 'pull_request', sha: B1, attempts: [on(5, 621, 623, 627)] }),
    run(5013, { name: 'Build', event: 'pull_request', sha: B1, attempts: [on(5, 621, 624, 645)] }),
    run(5014, { name: 'CI', event: 'push', sha: M2, attempts: [on(5, 751, 752, 764)] }),
    // A docs run on main, deleted after the listing (its jobs answer 404).
    run(5040, { name: 'Docs', event: 'push', sha: M2, attempts: [on(5, 900, 901, 905)] }),
    // #103, closed unmerged: one CI run.
    run(5021, { name: 'CI', event: 'pull_request', sha: C1, attempts: [on(6, 491, 492, 505)] }),
    // Two runs of a branch force-pushed away since: its commit is gone (422).
    run(5031, { name: 'CI', event: 'push', sha: GONE, attempts: [on(6, 540, 541, 550, 'failure')] }),
    run(5032, { name: 'Lint', event: 'push', sha: GONE, attempts: [on(6, 545, 546, 549, 'failure')] }),
    // CodeQL and stale, every Sunday on the same commit of main.
    ...['2026-04-12', '2026-04-19', '2026-04-26', '2026-05-03'].flatMap((sunday, week) => [
      run(6000 + week, {
        name: 'CodeQL',
        event: 'schedule',
        sha: M0,
        attempts: [[t(sunday, 180), t(sunday, 181), t(sunday, 200), 'success']],
      }),
      run(6100 + week, {
        name: 'stale',
        event: 'schedule',
        sha: M0,
        attempts: [[t(sunday, 90), t(sunday, 91), t(sunday, 92), 'success']],
      }),
    ]),
  )
  return repository
}

describe('herbie sync github against a repository shaped like a real one', () => {
  const repository = shop()
  let baseUrl = ''
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', `http://${request.headers.host}`)
    const reply =
      request.headers.authorization === `Bearer ${TOKEN}`
        ? answer(repository, url, '/api/v3')
        : { status: 401, body: { message: 'Bad credentials' } }
    response.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8', ...reply.headers })
    response.end(JSON.stringify(reply.body))
  })
  const dir = mkdtempSync(join(tmpdir(), 'herbie-real-shape-'))
  const out = join(dir, 'events.ndjson')
  const sync = () =>
    herbieAsync(
      { GITHUB_TOKEN: TOKEN },
      'sync',
      'github',
      '--repo',
      'acme/shop',
      '--base-url',
      baseUrl,
      '--out',
      out,
      '--checkpoints',
      join(dir, 'checkpoints'),
    )
  const written = () => writtenEvents(out)
  const of = (itemId: string, stage?: string) =>
    written()
      .filter((event) => event.itemId === itemId && (stage === undefined || event.stage === stage))
      .sort(
        (a, b) =>
          Date.parse(a.at) - Date.parse(b.at) || Number(a.type === 'enter') - Number(b.type === 'enter'),
      )
      .map(
        (event) =>
          `${event.id.slice(itemId.length + 1)} ${event.at}${event.outcome === undefined ? '' : ` ${event.outcome}`}`,
      )

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v3`
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  it('writes one CI stay per burst of runs, no scheduled run, both pull requests done at the merge, and says what it could not join', async () => {
    const { code, stderr } = await sync()
    expect(code).toBe(0)
    expect(stderr).toMatch(
      /^synced acme\/shop: \d+ pages, 32 events, 32 written to .*events\.ndjson, 0 already there$/m,
    )
    expect(stderr.trim().split('\n').at(-1)).toBe(
      '3 facts could not be joined to a pull request: 2 commit gone (422), 1 run deleted (404)',
    )
    expect(of('github:acme/shop#101', 'ci')).toEqual([
      'run:5001:1:enter 2026-05-04T09:32:00Z',
      'run:5001:1:exit 2026-05-04T09:55:00Z failure',
      'run:5003:2:enter 2026-05-04T10:31:00Z',
      'run:5003:2:exit 2026-05-04T10:52:00Z success',
      'run:5004:1:enter 2026-05-04T14:02:00Z',
      'run:5004:1:exit 2026-05-04T14:15:00Z success',
    ])
    expect(
      written().find((event) => event.id === 'github:acme/shop#101:run:5003:2:enter')?.attributes?.rework,
    ).toBe(true)
    expect(of('github:acme/shop#102', 'ci')).toEqual([
      'run:5011:1:enter 2026-05-05T10:22:00Z',
      'run:5011:1:exit 2026-05-05T10:45:00Z success',
      'run:5014:1:enter 2026-05-05T12:32:00Z',
      'run:5014:1:exit 2026-05-05T12:44:00Z success',
    ])
    expect(of('github:acme/shop#103')).toEqual([
      'coding:enter 2026-05-06T08:00:00Z',
      'coding:exit 2026-05-06T08:10:00Z',
      'awaiting-review:enter 2026-05-06T08:10:00Z',
      'run:5021:1:enter 2026-05-06T08:12:00Z',
      'run:5021:1:exit 2026-05-06T08:25:00Z success',
      'awaiting-review:exit 2026-05-06T16:00:00Z',
    ])
    expect(
      written().find((event) => event.id === 'github:acme/shop#103:awaiting-review:exit')?.attributes,
    ).toMatchObject({ abandoned: true, closedUnmerged: true })
    expect(of(`github:acme/shop@${GONE}`)).toEqual([
      'run:5031:1:enter 2026-05-06T09:01:00Z',
      'run:5031:1:exit 2026-05-06T09:10:00Z failure',
    ])
    expect(
      written()
        .filter((event) => event.stage === 'done')
        .map((event) => `${event.id} ${event.at} ${event.attributes?.doneRule}`),
    ).toEqual([
      'github:acme/shop#102:merge:done:enter 2026-05-05T12:30:00Z merge',
      'github:acme/shop#101:merge:done:enter 2026-05-04T14:00:00Z merge',
    ])
    const workflows = new Set(written().map((event) => event.attributes?.workflow))
    expect(workflows.has('CodeQL') || workflows.has('stale') || workflows.has('Docs')).toBe(false)
  })

  it('herbie analyze: done at the merge (no deployments), 2 done, lead time p50 13500 s, #103 abandoned', async () => {
    const { code, stdout } = await herbieIn({}, 'analyze', '--events', out, '--json')
    expect(code).toBe(0)
    const report = JSON.parse(stdout)
    expect(report.done).toMatchObject({ rule: 'merge', scopes: [{ scope: 'acme/shop', rule: 'merge' }] })
    expect(report.items).toMatchObject({ completed: 2, abandoned: 1 })
    expect(report.leadTime).toMatchObject({ count: 2, p50: 13_500, mean: 13_500 })
    expect(report.throughputPerDay).toBeGreaterThan(0)
    expect(report.warnings).toEqual([])
    expect(report.constraint).toMatchObject({
      stage: null,
      missing: '2 items done; at least 30 are needed to name a constraint.',
    })
    const text = await herbieIn({}, 'analyze', '--events', out)
    expect(text.stdout).toContain('Done is the merge in acme/shop, which has no production deployments.')
  })

  it('a second sync right after makes fewer than 10 requests and joins a new run to a pull request of the first', async () => {
    const now = Date.now()
    const iso = (seconds: number) => new Date(now + seconds * 1000).toISOString().replace(/\.\d+Z$/, 'Z')
    addRuns(
      repository,
      run(5060, {
        name: 'CI',
        event: 'pull_request',
        sha: B1,
        attempts: [[iso(1), iso(2), iso(3), 'success']],
      }),
    )
    const before = repository.requests.length
    const { code, stderr } = await sync()
    expect(code).toBe(0)
    expect(stderr).toMatch(/^synced acme\/shop: 4 pages, 2 events, 2 written to .*, 0 already there$/m)
    const requests = repository.requests.slice(before).map((path) => path.split('?')[0])
    expect(requests).toEqual([
      '/repos/acme/shop/pulls',
      '/repos/acme/shop/actions/runs',
      '/repos/acme/shop/actions/runs/5060/jobs',
      '/repos/acme/shop/deployments',
    ])
    expect(requests.length).toBeLessThan(10)
    expect(written()).toHaveLength(34)
    expect(of('github:acme/shop#102', 'ci').slice(-2)).toEqual([
      `run:5060:1:enter ${iso(2)}`,
      `run:5060:1:exit ${iso(3)} success`,
    ])
  })

  it('herbie sync, from a config file, prints the same count for the source', async () => {
    const project = mkdtempSync(join(tmpdir(), 'herbie-real-shape-config-'))
    const config = {
      out: 'events.ndjson',
      sources: {
        shop: {
          adapter: 'github',
          options: { repositories: ['acme/shop'], baseUrl, token: { env: 'SHOP_TOKEN' } },
        },
      },
    }
    writeFileSync(join(project, 'herbie.config.json'), JSON.stringify(config))
    const { code, stderr } = await herbieIn({ cwd: project, env: { SHOP_TOKEN: TOKEN } }, 'sync')
    expect(code).toBe(0)
    // A fresh sync of everything: the 32 events of the first sync and the 2 of the new run.
    expect(stderr).toMatch(/^\[shop\] synced with github: \d+ pages, 34 events$/m)
    expect(stderr).toContain(
      '[shop] 3 facts could not be joined to a pull request: 2 commit gone (422), 1 run deleted (404)\n',
    )
  })
})
