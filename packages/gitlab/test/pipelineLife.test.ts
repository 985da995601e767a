import { Effect } from 'effect'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { gitlabAdapter } from '../src/index.js'
import { manualGateProject } from './pipelines.js'
import { lifeOf, projectHandlers, sync, TOKEN } from './support.js'

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const config = { projects: ['acme/shop'], token: TOKEN, baseUrl: 'https://gitlab.example.com' }
const ITEM = 'gitlab:acme/shop!7'

describe("a pipeline's full life: parallel jobs, a child pipeline, a retried job, a manual gate", () => {
  it('yields exactly its CI stays: the first stretch of work (child included, worst outcome), the retry as rework, the played manual job after the gate', async () => {
    server.use(...projectHandlers([manualGateProject()]))
    const { events } = await Effect.runPromise(sync(gitlabAdapter, config))
    expect(lifeOf(events, ITEM)).toEqual([
      'coding:enter develop 2026-04-07T08:00:00.000Z',
      'coding:exit develop 2026-04-07T08:30:00.000Z',
      'awaiting-review:enter review-queue 2026-04-07T08:30:00.000Z',
      'pipeline:501:1:enter ci 2026-04-07T09:00:10.000Z',
      'pipeline:501:1:exit ci 2026-04-07T09:12:00.000Z failure',
      'pipeline:501:2:enter ci 2026-04-07T09:40:15.000Z',
      'pipeline:501:2:exit ci 2026-04-07T09:47:00.000Z success',
      'pipeline:501:3:enter ci 2026-04-07T10:30:30.000Z',
      'pipeline:501:3:exit ci 2026-04-07T10:34:00.000Z success',
    ])
    const attributes = (key: string) => events.find((event) => event.id === `${ITEM}:${key}`)?.attributes
    const common = { repository: 'acme/shop', mr: 7, branch: '31-cents', author: 'ana', pipelineId: 501 }
    expect(attributes('pipeline:501:1:exit')).toEqual({
      ...common,
      trigger: 'merge_request_event',
      ref: 'refs/merge-requests/7/head',
      queuedAt: '2026-04-07T09:00:00.000Z',
      runs: 1,
    })
    expect(attributes('pipeline:501:2:enter')).toEqual({
      ...common,
      trigger: 'merge_request_event',
      ref: 'refs/merge-requests/7/head',
      retriedJobs: 1,
      queuedAt: '2026-04-07T09:40:00.000Z',
      rework: true,
    })
    // Played after the gate: a new stay, not rework; the 56 minutes before it are waiting.
    expect(attributes('pipeline:501:3:enter')?.rework).toBeUndefined()
    expect(attributes('pipeline:501:3:enter')?.queuedAt).toBe('2026-04-07T10:30:00.000Z')
    // The child pipeline is no item or stay of its own; the issue of the branch and of "Fixes #31" is linked.
    expect(events.some((event) => event.id.includes('pipeline:502'))).toBe(false)
    expect(events[0]?.links).toContainEqual({ kind: 'issue', id: 'acme/shop#31' })
  })

  it('a manual job still waiting is no work and leaves no stay open; played later, the next sync adds only its stay', async () => {
    const waiting = manualGateProject({ played: false })
    server.use(...projectHandlers([waiting]))
    const { memoryCheckpointStore } = await import('@herbie/core')
    const store = memoryCheckpointStore()
    const first = await Effect.runPromise(sync(gitlabAdapter, config, store))
    expect(lifeOf(first.events, ITEM, 'ci')).toEqual([
      'pipeline:501:1:enter ci 2026-04-07T09:00:10.000Z',
      'pipeline:501:1:exit ci 2026-04-07T09:12:00.000Z failure',
      'pipeline:501:2:enter ci 2026-04-07T09:40:15.000Z',
      'pipeline:501:2:exit ci 2026-04-07T09:47:00.000Z success',
    ])
    server.resetHandlers()
    const played = manualGateProject()
    played.pipelines[0]!.updated_at = new Date(Date.now() + 1000).toISOString()
    server.use(...projectHandlers([played]))
    const second = await Effect.runPromise(sync(gitlabAdapter, config, store))
    expect(lifeOf(second.events, ITEM, 'ci')).toEqual([
      'pipeline:501:3:enter ci 2026-04-07T10:30:30.000Z',
      'pipeline:501:3:exit ci 2026-04-07T10:34:00.000Z success',
    ])
    expect(played.requests.map((request) => request.split('?')[0])).toEqual([
      '/projects/acme%2Fshop',
      '/projects/77/merge_requests',
      '/projects/77/pipelines',
      '/projects/77/pipelines/501/jobs',
      '/projects/77/pipelines/501/bridges',
      '/projects/77/pipelines/502/jobs',
      '/projects/77/pipelines/502/bridges',
      '/projects/77/deployments',
    ])
  })
})
