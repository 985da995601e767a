import type { StageEventEncoded } from '@herbie/core'
import { Effect, Exit } from 'effect'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { githubAdapter } from '../src/index.js'
import { commits, fakeRepository, pull } from './fakeRepository.js'
import { repositoryHandlers, storyHandlers, sync } from './support.js'

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const config = { repositories: ['acme/payments'], token: 'ghp_test' }

const dones = (events: ReadonlyArray<StageEventEncoded>) =>
  events
    .filter((event) => event.stage === 'done')
    .map((event) => ({ id: event.id, at: event.at, attributes: event.attributes }))

const PR_87 = {
  repository: 'acme/payments',
  pr: 87,
  branch: 'feature/PAY-142-retry-payments',
  author: 'dana-k',
}

describe('done candidates', () => {
  it('by default both: the merge and the first successful production deployment, each marked with its doneRule', async () => {
    server.use(...storyHandlers())
    const { events } = await Effect.runPromise(sync(githubAdapter, config))
    expect(dones(events)).toEqual([
      {
        id: 'github:acme/payments#87:merge:done:enter',
        at: '2026-03-05T14:30:05Z',
        attributes: { ...PR_87, doneRule: 'merge' },
      },
      {
        id: 'github:acme/payments#87:deployment:2210489902:done:enter',
        at: '2026-03-05T16:04:41Z',
        attributes: { ...PR_87, doneRule: 'production-deploy' },
      },
    ])
  })

  it("doneAt: 'merge' emits only the merge, 'production-deploy' only the deployment, each still marked", async () => {
    server.use(...storyHandlers())
    const merge = await Effect.runPromise(sync(githubAdapter, { ...config, doneAt: 'merge' }))
    expect(dones(merge.events).map((done) => `${done.id} ${JSON.stringify(done.attributes)}`)).toEqual([
      `github:acme/payments#87:merge:done:enter ${JSON.stringify({ ...PR_87, doneRule: 'merge' })}`,
    ])
    const deploy = await Effect.runPromise(sync(githubAdapter, { ...config, doneAt: 'production-deploy' }))
    expect(dones(deploy.events).map((done) => done.id)).toEqual([
      'github:acme/payments#87:deployment:2210489902:done:enter',
    ])
  })

  it('an unknown doneAt names the option', async () => {
    const exit = await Effect.runPromiseExit(sync(githubAdapter, { ...config, doneAt: 'release' }))
    const error = Exit.isFailure(exit) && exit.cause._tag === 'Fail' ? exit.cause.error : undefined
    expect(error).toMatchObject({ _tag: 'ConfigInvalid', field: 'doneAt' })
  })

  it('a pull request closed unmerged is abandoned: its open stage exits at the close marked so, and it has no done', async () => {
    server.use(...storyHandlers())
    const { events } = await Effect.runPromise(sync(githubAdapter, config))
    const own = events.filter((event) => event.itemId === 'github:acme/payments#86')
    expect(own.filter((event) => event.attributes?.abandoned === true).map((event) => event.id)).toEqual([
      'github:acme/payments#86:awaiting-review:exit',
    ])
    expect(own.find((event) => event.attributes?.abandoned === true)?.attributes).toMatchObject({
      closedUnmerged: true,
      abandoned: true,
    })
    expect(
      own.find((event) => event.id === 'github:acme/payments#86:awaiting-review:enter')?.attributes,
    ).toEqual({
      repository: 'acme/payments',
      pr: 86,
      branch: expect.any(String),
      author: expect.any(String),
    })
    expect(own.some((event) => event.stage === 'done')).toBe(false)
  })

  it('only the first successful production deployment of an item is its done candidate', async () => {
    const repository = fakeRepository('acme/api', {
      pulls: [
        pull(5, {
          created: '2026-04-01T08:00:00Z',
          sha: 'c'.repeat(40),
          merged: { at: '2026-04-01T10:00:00Z', sha: 'd'.repeat(40) },
        }),
      ],
      timelines: { 5: commits('2026-04-01T07:00:00Z', 'c'.repeat(40)) },
      deployments: [
        {
          id: 1,
          sha: 'd'.repeat(40),
          ref: 'main',
          environment: 'production',
          production_environment: true,
          created_at: '2026-04-01T11:00:00Z',
        },
        {
          id: 2,
          sha: 'd'.repeat(40),
          ref: 'main',
          environment: 'production',
          production_environment: true,
          created_at: '2026-04-01T12:00:00Z',
        },
      ],
      statuses: {
        1: [{ id: 11, state: 'success', created_at: '2026-04-01T11:05:00Z' }],
        2: [{ id: 21, state: 'success', created_at: '2026-04-01T12:05:00Z' }],
      },
    })
    server.use(...repositoryHandlers(repository))
    const { events } = await Effect.runPromise(sync(githubAdapter, { ...config, repositories: ['acme/api'] }))
    expect(dones(events).map((done) => `${done.id} ${done.at}`)).toEqual([
      'github:acme/api#5:merge:done:enter 2026-04-01T10:00:00Z',
      'github:acme/api#5:deployment:1:done:enter 2026-04-01T11:05:00Z',
    ])
  })
})
