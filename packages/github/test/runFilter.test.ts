import type { StageEventEncoded } from '@herbie/core'
import { Effect, Exit } from 'effect'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { githubAdapter } from '../src/index.js'
import { addRuns, commits, fakeRepository, pull, run, t } from './fakeRepository.js'
import { repositoryHandlers, sync } from './support.js'

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const HEAD = 'e'.repeat(40)
const MAIN = 'f'.repeat(40)
const config = { repositories: ['acme/api'], token: 'ghp_test' }

/** A pull request's CI and Lint, a push to main, a manual deploy, and CodeQL and stale every week on one commit. */
const repository = () => {
  const repo = fakeRepository('acme/api', {
    pulls: [pull(3, { created: t('2026-04-01', 0), sha: HEAD })],
    timelines: { 3: commits(t('2026-04-01', 0), HEAD) },
  })
  const week = (n: number) => `2026-04-${String(1 + 7 * n).padStart(2, '0')}`
  addRuns(
    repo,
    run(1, {
      name: 'CI',
      event: 'pull_request',
      sha: HEAD,
      attempts: [[t('2026-04-01', 60), t('2026-04-01', 61), t('2026-04-01', 70), 'success']],
    }),
    run(2, {
      name: 'Lint',
      event: 'pull_request',
      sha: HEAD,
      attempts: [[t('2026-04-01', 120), t('2026-04-01', 121), t('2026-04-01', 125), 'success']],
    }),
    run(3, {
      name: 'CI',
      event: 'push',
      sha: MAIN,
      attempts: [[t('2026-04-02', 0), t('2026-04-02', 1), t('2026-04-02', 9), 'success']],
    }),
    run(4, {
      name: 'Deploy',
      event: 'workflow_dispatch',
      sha: MAIN,
      attempts: [[t('2026-04-02', 60), t('2026-04-02', 61), t('2026-04-02', 70), 'success']],
    }),
    ...[0, 1, 2, 3].flatMap((n) => [
      run(100 + n, {
        name: 'CodeQL',
        event: 'schedule',
        sha: MAIN,
        attempts: [[t(week(n), 180), t(week(n), 181), t(week(n), 200), 'success']],
      }),
      run(200 + n, {
        name: 'stale',
        event: 'schedule',
        sha: MAIN,
        attempts: [[t(week(n), 90), t(week(n), 91), t(week(n), 92), 'success']],
      }),
    ]),
  )
  return repo
}

const ciRuns = (events: ReadonlyArray<StageEventEncoded>) =>
  events
    .filter((event) => event.stage === 'ci' && event.type === 'enter')
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
    .map((event) => `${event.attributes?.workflow} ${event.attributes?.trigger}`)

describe('which workflow runs are delivery work', () => {
  it('by default only pushes and pull requests count; scheduled and manual runs cost no request of their own', async () => {
    const repo = repository()
    server.use(...repositoryHandlers(repo))
    const { events } = await Effect.runPromise(sync(githubAdapter, config))
    expect(ciRuns(events)).toEqual(['CI pull_request', 'Lint pull_request', 'CI push'])
    expect(
      repo.requests
        .filter((path) => path.includes('/jobs'))
        .map((path) => path.split('?')[0])
        .sort(),
    ).toEqual([
      '/repos/acme/api/actions/runs/1/jobs',
      '/repos/acme/api/actions/runs/2/jobs',
      '/repos/acme/api/actions/runs/3/jobs',
    ])
    // Only the push's commit is looked up; CodeQL's and stale's (the same commit) and Deploy's are not.
    expect(repo.requests.filter((path) => path.includes('/commits/'))).toEqual([
      `/repos/acme/api/commits/${MAIN}/pulls`,
    ])
  })

  it('events, excludeEvents, workflows and excludeWorkflows choose the runs, by workflow name or file', async () => {
    server.use(...repositoryHandlers(repository()))
    const pick = async (runs: object) =>
      ciRuns((await Effect.runPromise(sync(githubAdapter, { ...config, runs }))).events)
    expect(await pick({ events: ['push', 'workflow_dispatch'] })).toEqual([
      'CI push',
      'Deploy workflow_dispatch',
    ])
    expect(await pick({ excludeEvents: ['push'] })).toEqual(['CI pull_request', 'Lint pull_request'])
    expect(await pick({ workflows: ['.github/workflows/lint.yml'] })).toEqual(['Lint pull_request'])
    expect(await pick({ excludeWorkflows: ['Lint'] })).toEqual(['CI pull_request', 'CI push'])
    expect(await pick({ events: ['schedule'], workflows: ['CodeQL'] })).toEqual([
      'CodeQL schedule',
      'CodeQL schedule',
      'CodeQL schedule',
      'CodeQL schedule',
    ])
  })

  it('a run filter that does not decode names the field', async () => {
    const exit = await Effect.runPromiseExit(sync(githubAdapter, { ...config, runs: { events: 'push' } }))
    const error = Exit.isFailure(exit) && exit.cause._tag === 'Fail' ? exit.cause.error : undefined
    expect(error).toMatchObject({ _tag: 'ConfigInvalid', field: 'runs.events' })
  })
})
