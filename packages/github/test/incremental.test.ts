import { memoryCheckpointStore } from '@herbie/core'
import { Effect, Option, Schema } from 'effect'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { boundState, CHECKPOINT_LIMITS, emptyState, GithubCheckpoint, githubAdapter } from '../src/index.js'
import { addRuns, commits, fakeRepository, pull, run } from './fakeRepository.js'
import { foldWarnings, repositoryHandlers, stays, sync } from './support.js'

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const HEAD = '3'.repeat(40)
const MERGE = '4'.repeat(40)
const ITEM = 'github:acme/api#21'
const config = { repositories: ['acme/api'], token: 'ghp_test' }
const now = Date.now()
const at = (minutes: number) => new Date(now + minutes * 60_000).toISOString()

/** PR #21 merged an hour ago; its CI done; a production deployment of the merge still in progress. */
const repository = () => {
  const repo = fakeRepository('acme/api', {
    pulls: [pull(21, { created: at(-300), sha: HEAD, merged: { at: at(-60), sha: MERGE } })],
    timelines: { 21: commits(at(-310), HEAD) },
    deployments: [
      {
        id: 77,
        sha: MERGE,
        ref: 'main',
        environment: 'production',
        production_environment: true,
        created_at: at(-50),
      },
    ],
    statuses: { 77: [{ id: 1, state: 'in_progress', created_at: at(-49) }] },
  })
  addRuns(
    repo,
    run(1, {
      name: 'CI',
      event: 'pull_request',
      sha: HEAD,
      attempts: [[at(-200), at(-199), at(-190), 'success']],
    }),
  )
  return repo
}

describe('the incremental sync', () => {
  it('right after the first, with nothing changed, makes a handful of requests and writes nothing', async () => {
    const repo = repository()
    server.use(...repositoryHandlers(repo))
    const store = memoryCheckpointStore()
    await Effect.runPromise(sync(githubAdapter, config, store))
    const before = repo.requests.length
    const second = await Effect.runPromise(sync(githubAdapter, config, store))
    const requests = repo.requests.slice(before).map((path) => path.split('?')[0])
    // The three lists, and the deployment left in progress with its statuses.
    expect(requests).toEqual([
      '/repos/acme/api/pulls',
      '/repos/acme/api/actions/runs',
      '/repos/acme/api/deployments',
      '/repos/acme/api/deployments/77',
      '/repos/acme/api/deployments/77/statuses',
    ])
    expect(requests.length).toBeLessThan(10)
    expect(
      second.events.filter((event) => event.stage !== 'deploy-queue' && event.stage !== 'deploy'),
    ).toEqual([])
  })

  it('joins new runs and deployments to a pull request synced earlier, without a lookup, and finishes what was open', async () => {
    const repo = repository()
    server.use(...repositoryHandlers(repo))
    const store = memoryCheckpointStore()
    const first = await Effect.runPromise(sync(githubAdapter, config, store))
    expect(first.events.filter((event) => event.stage === 'done').map((event) => event.id)).toEqual([
      `${ITEM}:merge:done:enter`,
    ])
    // After the first sync: the deployment succeeds, main's CI runs on the merge commit.
    repo.statuses[77] = [
      { id: 1, state: 'in_progress', created_at: at(-49) },
      { id: 2, state: 'success', created_at: at(5) },
    ]
    addRuns(
      repo,
      run(2, { name: 'CI', event: 'push', sha: MERGE, attempts: [[at(6), at(7), at(15), 'success']] }),
    )
    const before = repo.requests.length
    const second = await Effect.runPromise(sync(githubAdapter, config, store))
    expect(repo.requests.slice(before).filter((path) => path.includes('/commits/'))).toEqual([])
    expect(stays(second.events, 'ci', ITEM)).toEqual([
      `run:2:1:enter ${at(7)}`,
      `run:2:1:exit ${at(15)} success`,
    ])
    expect(
      second.events.filter((event) => event.stage === 'done').map((event) => `${event.id} ${event.at}`),
    ).toEqual([`${ITEM}:deployment:77:done:enter ${at(5)}`])
    expect(stays(second.events, 'deploy', ITEM)).toEqual([
      `deployment:77:running:enter ${at(-49)}`,
      `deployment:77:running:exit ${at(5)} success`,
    ])
    // A third sync neither fetches the deployment again nor fails on what it saw.
    const third = await Effect.runPromise(sync(githubAdapter, config, store))
    expect(third.events).toEqual([])
    // Both done candidates are there (merge, production): choosing one is the analysis's part.
    expect(
      foldWarnings([...first.events, ...second.events].filter((event) => event.stage !== 'done')),
    ).toEqual([])
  })

  it('a checkpoint from before the state existed still decodes, and its sync starts from it', async () => {
    const repo = repository()
    server.use(...repositoryHandlers(repo))
    const old = { repositories: { 'acme/api': at(-100) } }
    expect(Schema.decodeUnknownOption(GithubCheckpoint)(old)).toEqual(Option.some(old))
    const store = memoryCheckpointStore({ 'github/acme/api': old })
    const { events } = await Effect.runPromise(sync(githubAdapter, config, store))
    // Only what changed in the last 100 minutes: the pull request (merged), and the deployment;
    // its CI run is older.
    expect(new Set(events.map((event) => event.stage))).toEqual(
      new Set(['develop', 'review-queue', 'done', 'deploy-queue', 'deploy']),
    )
  })

  it('the state is bounded: the newest joins, open entries no older than 35 days', () => {
    const context = { itemId: 'github:acme/api#1', links: [], attributes: {} }
    const state = boundState(
      {
        ...emptyState,
        joins: Array.from({ length: 1200 }, (_, index) => ({
          context: { ...context, itemId: `github:acme/api#${index}` },
          shas: Array.from({ length: 150 }, (_, n) => `${index}-${n}`),
        })),
        queuedRuns: [
          { runId: 1, attempt: 1, queuedAt: at(-36 * 24 * 60) },
          { runId: 2, attempt: 1, queuedAt: at(-60) },
        ],
      },
      now,
    )
    expect(state.joins).toHaveLength(CHECKPOINT_LIMITS.joins)
    expect(state.joins[0]!.context.itemId).toBe('github:acme/api#200')
    expect(state.joins[0]!.shas).toHaveLength(100)
    expect(state.joins[0]!.shas[0]).toBe('200-50')
    expect(state.queuedRuns.map((entry) => entry.runId)).toEqual([2])
  })
})
