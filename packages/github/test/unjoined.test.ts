import { NotFound } from '@herbie/core'
import { Effect, Exit } from 'effect'
import { HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { githubAdapter } from '../src/index.js'
import { addRuns, commits, fakeRepository, pull, run, t } from './fakeRepository.js'
import { API, repositoryHandlers, sync } from './support.js'

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const D = '2026-04-08'
const HEAD = '1'.repeat(40)
const GONE = '2'.repeat(40)
const config = { repositories: ['acme/api'], token: 'ghp_test' }

/** A PR's run, a run on a commit force-pushed away, a run deleted after the listing, a deployment likewise. */
const repository = () => {
  const repo = fakeRepository('acme/api', {
    // #8's timeline is gone (404): the pull request was deleted after the listing.
    pulls: [pull(7, { created: t(D, 0), sha: HEAD }), pull(8, { created: t(D, 1), sha: '5'.repeat(40) })],
    timelines: { 7: commits(t(D, 0), HEAD) },
    goneCommits: new Set([GONE]),
    deletedRuns: new Set([3]),
    deployments: [
      {
        id: 9,
        sha: HEAD,
        ref: 'change-7',
        environment: 'staging',
        production_environment: false,
        created_at: t(D, 100),
      },
    ],
  })
  addRuns(
    repo,
    run(1, {
      name: 'CI',
      event: 'pull_request',
      sha: HEAD,
      attempts: [[t(D, 10), t(D, 11), t(D, 20), 'success']],
    }),
    run(2, {
      name: 'CI',
      event: 'pull_request',
      sha: GONE,
      attempts: [[t(D, 30), t(D, 31), t(D, 40), 'failure']],
    }),
    run(3, { name: 'CI', event: 'push', sha: HEAD, attempts: [[t(D, 50), t(D, 51), t(D, 60), 'success']] }),
    run(4, {
      name: 'Lint',
      event: 'pull_request',
      sha: GONE,
      attempts: [[t(D, 30), t(D, 32), t(D, 35), 'failure']],
    }),
  )
  return repo
}

describe('enrichment lookups that fail', () => {
  it('a gone commit (422) joins its bare commit item, a deleted pull request, run and deployment (404) are skipped; the sync counts them by reason', async () => {
    const repo = repository()
    server.use(...repositoryHandlers(repo))
    const { events, summary } = await Effect.runPromise(sync(githubAdapter, config))
    // In the order met: pull requests first, then runs newest first (run 3 deleted, then runs 2
    // and 4 on the gone commit), then deployments.
    expect(summary.unjoined).toEqual([
      { reason: 'pull request gone (404)', count: 1 },
      { reason: 'run deleted (404)', count: 1 },
      { reason: 'commit gone (422)', count: 2 },
      { reason: 'deployment deleted (404)', count: 1 },
    ])
    // The gone commit is asked for once, however many runs name it.
    expect(repo.requests.filter((path) => path.startsWith(`/repos/acme/api/commits/${GONE}`))).toHaveLength(1)
    expect(events.some((event) => event.itemId === 'github:acme/api#8')).toBe(false)
    expect(
      events
        .filter((event) => event.stage === 'ci')
        .map((event) => `${event.itemId} ${event.id.split(':').slice(-4).join(':')}`),
    ).toEqual([
      'github:acme/api#7 run:1:1:enter',
      'github:acme/api#7 run:1:1:exit',
      `github:acme/api@${GONE} run:2:1:enter`,
      `github:acme/api@${GONE} run:2:1:exit`,
    ])
    expect(events.some((event) => event.stage.startsWith('deploy'))).toBe(false)
    expect(summary.checkpoints).toBe(1)
  })

  it("a 404 on the repository's own lists still stops the sync", async () => {
    server.use(
      http.get(`${API}/repos/acme/api/actions/runs`, () =>
        HttpResponse.json({ message: 'Not Found' }, { status: 404 }),
      ),
      ...repositoryHandlers(repository()),
    )
    const exit = await Effect.runPromiseExit(sync(githubAdapter, config))
    expect(Exit.isFailure(exit) && exit.cause._tag === 'Fail' && exit.cause.error).toBeInstanceOf(NotFound)
  })

  it('an auth failure on a detail call still stops the sync', async () => {
    server.use(
      http.get(`${API}/repos/acme/api/actions/runs/:id/jobs`, () =>
        HttpResponse.json({ message: 'Bad credentials' }, { status: 401 }),
      ),
      ...repositoryHandlers(repository()),
    )
    const exit = await Effect.runPromiseExit(sync(githubAdapter, config))
    expect(Exit.isFailure(exit) && exit.cause._tag === 'Fail' && exit.cause.error._tag).toBe('AuthFailed')
  })
})
