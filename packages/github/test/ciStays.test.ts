import { analyzeNdjson, memoryCheckpointStore } from '@herbie/core'
import { Effect } from 'effect'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { ciStays, githubAdapter, runAttempts, WorkflowRun } from '../src/index.js'
import { addRuns, commits, fakeRepository, pull, run, t } from './fakeRepository.js'
import { foldWarnings, repositoryHandlers, stays, sync } from './support.js'

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const D = '2026-04-06'
const HEAD = 'a'.repeat(40)
const MERGE = 'b'.repeat(40)
const ITEM = 'github:acme/api#12'
const config = { repositories: ['acme/api'], token: 'ghp_test' }

/**
 * PR #12: one push runs three workflows at once (CI, Lint, Build; Build fails), Build is re-run an
 * hour later and passes, then the merge's push runs CI on main. CodeQL's weekly scan of the merge
 * commit is not delivery work.
 */
const realisticPr = () => {
  const repository = fakeRepository('acme/api', {
    pulls: [pull(12, { created: t(D, 540), sha: HEAD, merged: { at: t(D, 660), sha: MERGE } })],
    timelines: { 12: commits(t(D, 530), HEAD) },
  })
  addRuns(
    repository,
    run(101, {
      name: 'CI',
      event: 'pull_request',
      sha: HEAD,
      attempts: [[t(D, 545), t(D, 546), t(D, 560), 'success']],
    }),
    run(102, {
      name: 'Lint',
      event: 'pull_request',
      sha: HEAD,
      attempts: [[t(D, 545), t(D, 547), t(D, 550), 'success']],
    }),
    run(103, {
      name: 'Build',
      event: 'pull_request',
      sha: HEAD,
      attempts: [
        [t(D, 545), t(D, 548), t(D, 565), 'failure'],
        [t(D, 600), t(D, 601), t(D, 615), 'success'],
      ],
    }),
    run(104, {
      name: 'CI',
      event: 'push',
      sha: MERGE,
      attempts: [[t(D, 661), t(D, 662), t(D, 672), 'success']],
    }),
    run(105, {
      name: 'CodeQL',
      event: 'schedule',
      sha: MERGE,
      attempts: [[t(D, 700), t(D, 701), t(D, 720), 'success']],
    }),
  )
  return repository
}

describe('CI stays: the union of overlapping runs', () => {
  it('three workflows at once are one stay (worst outcome), a later re-run is a new one marked rework, the merge push a third', async () => {
    server.use(...repositoryHandlers(realisticPr()))
    const { events } = await Effect.runPromise(sync(githubAdapter, config))
    expect(stays(events, 'ci', ITEM)).toEqual([
      'run:101:1:enter 2026-04-06T09:06:00Z',
      'run:101:1:exit 2026-04-06T09:25:00Z failure',
      'run:103:2:enter 2026-04-06T10:01:00Z',
      'run:103:2:exit 2026-04-06T10:15:00Z success',
      'run:104:1:enter 2026-04-06T11:02:00Z',
      'run:104:1:exit 2026-04-06T11:12:00Z success',
    ])
    const first = events.find((event) => event.id === `${ITEM}:run:101:1:exit`)!
    expect(first.attributes).toEqual({
      repository: 'acme/api',
      pr: 12,
      branch: 'change-12',
      author: 'dev',
      workflow: 'CI',
      trigger: 'pull_request',
      runId: 101,
      queuedAt: '2026-04-06T09:05:00Z',
      runs: 3,
    })
    const rerun = events.find((event) => event.id === `${ITEM}:run:103:2:enter`)!
    expect(rerun.attributes).toMatchObject({
      rework: true,
      queuedAt: '2026-04-06T10:00:00Z',
      workflow: 'Build',
    })
    expect(events.filter((event) => event.attributes?.workflow === 'CodeQL')).toEqual([])
  })

  it("core's fold warns about nothing for these events (no stage entered again before it was left)", async () => {
    server.use(...repositoryHandlers(realisticPr()))
    const { events } = await Effect.runPromise(sync(githubAdapter, config))
    expect(foldWarnings(events)).toEqual([])
    const report = await Effect.runPromise(analyzeNdjson(events.map((event) => `${JSON.stringify(event)}\n`)))
    expect(report.items.completed).toBe(1)
  })

  it('an open stay is an enter only; the next sync finishes it under the same id, and a full sync agrees fact for fact', async () => {
    const now = Date.now()
    const ago = (minutes: number) => new Date(now + minutes * 60_000).toISOString()
    const repository = fakeRepository('acme/api', {
      pulls: [pull(12, { created: ago(-120), sha: HEAD })],
      timelines: { 12: commits(ago(-125), HEAD) },
    })
    addRuns(
      repository,
      run(201, {
        name: 'CI',
        event: 'pull_request',
        sha: HEAD,
        attempts: [[ago(-30), ago(-29), null, null]],
      }),
      run(202, {
        name: 'Lint',
        event: 'pull_request',
        sha: HEAD,
        attempts: [[ago(-28), ago(-27), ago(-20), 'success']],
      }),
    )
    // Build is still queued at the first sync: in no stay yet.
    const queued = run(204, {
      name: 'Build',
      event: 'pull_request',
      sha: HEAD,
      attempts: [[ago(-28), ago(-28), null, null]],
    })
    addRuns(repository, { run: { ...queued.run, status: 'queued' }, jobs: [] })
    server.use(...repositoryHandlers(repository))
    const store = memoryCheckpointStore()
    const first = await Effect.runPromise(sync(githubAdapter, config, store))
    expect(stays(first.events, 'ci', ITEM)).toEqual([`run:201:1:enter ${ago(-29)}`])
    // CI finishes after the first sync, failing; a new push runs CI again later.
    addRuns(
      repository,
      run(201, {
        name: 'CI',
        event: 'pull_request',
        sha: HEAD,
        attempts: [[ago(-30), ago(-29), ago(5), 'failure']],
      }),
      // Build starts before CI ends, and passes.
      run(204, {
        name: 'Build',
        event: 'pull_request',
        sha: HEAD,
        attempts: [[ago(-28), ago(1), ago(8), 'success']],
      }),
      run(203, {
        name: 'CI',
        event: 'pull_request',
        sha: HEAD,
        attempts: [[ago(10), ago(11), ago(20), 'success']],
      }),
    )
    const second = await Effect.runPromise(sync(githubAdapter, config, store))
    expect(stays(second.events, 'ci', ITEM)).toEqual([
      `run:201:1:exit ${ago(8)} failure`,
      `run:203:1:enter ${ago(11)}`,
      `run:203:1:exit ${ago(20)} success`,
    ])
    expect(second.events.find((event) => event.id === `${ITEM}:run:201:1:exit`)?.attributes?.runs).toBe(3)
    const full = await Effect.runPromise(sync(githubAdapter, config))
    const byId = (events: typeof full.events) =>
      Object.fromEntries(events.filter((event) => event.stage === 'ci').map((event) => [event.id, event]))
    expect(byId([...first.events, ...second.events])).toEqual(byId(full.events))
    expect(foldWarnings([...first.events, ...second.events])).toEqual([])
  })
})

describe('ciStays (the pure union)', () => {
  const context = { itemId: 'github:acme/api#1', links: [], attributes: {} }
  const decoded = (id: number, event: string, start: string, end: string) =>
    WorkflowRun.make({
      id,
      name: `W${id}`,
      path: `.github/workflows/w${id}.yml`,
      event,
      status: 'completed',
      conclusion: 'success',
      head_sha: HEAD,
      head_branch: 'main',
      created_at: start,
      run_started_at: start,
      updated_at: end,
      run_attempt: 1,
      pull_requests: [],
    })

  it('runs that only touch are one stay; a gap of a second makes two', () => {
    const attempts = [
      ...runAttempts(decoded(1, 'push', t(D, 0), t(D, 10)), []),
      ...runAttempts(decoded(2, 'push', t(D, 10), t(D, 20)), []),
      ...runAttempts(decoded(3, 'push', '2026-04-06T00:20:01Z', t(D, 30)), []),
    ]
    const result = ciStays(context, 'ci', attempts)
    expect(result.events.map((event) => `${event.id} ${event.type} ${event.at}`)).toEqual([
      'github:acme/api#1:run:1:1:enter enter 2026-04-06T00:00:00Z',
      'github:acme/api#1:run:1:1:exit exit 2026-04-06T00:20:00Z',
      'github:acme/api#1:run:3:1:enter enter 2026-04-06T00:20:01Z',
      'github:acme/api#1:run:3:1:exit exit 2026-04-06T00:30:00Z',
    ])
    expect(result.open).toBeUndefined()
  })
})
