import { Effect } from 'effect'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { gitlabAdapter } from '../src/index.js'
import { storyProject } from './fakeGitlab.js'
import { analyzeEvents, lifeOf, projectHandlers, sync, TOKEN } from './support.js'

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const config = { projects: ['acme/ledger'], token: TOKEN, baseUrl: 'https://gitlab.example.com' }
const MR_23 = 'gitlab:acme/ledger!23'

describe('the story: acme/ledger!23 (PAY-150)', () => {
  it("a merge request's full life: first commit, draft until marked ready, approval as first review, merge, both CI pipelines, the production deployment", async () => {
    server.use(...projectHandlers([storyProject()]))
    const { events, summary } = await Effect.runPromise(sync(gitlabAdapter, config))
    expect(lifeOf(events, MR_23)).toEqual([
      'coding:enter develop 2026-03-09T08:05:11.000Z',
      'pipeline:30551:1:enter ci 2026-03-09T12:49:18.402Z',
      'coding:exit develop 2026-03-09T13:00:00.204Z',
      'awaiting-review:enter review-queue 2026-03-09T13:00:00.204Z',
      'pipeline:30551:1:exit ci 2026-03-09T13:02:40.117Z success',
      'awaiting-review:exit review-queue 2026-03-10T10:45:00.351Z',
      'in-review:exit review 2026-03-10T10:45:00.351Z',
      'in-review:enter review 2026-03-10T10:45:00.351Z',
      'merge:done:enter done 2026-03-10T11:05:30.412Z',
      'pipeline:30560:1:enter ci 2026-03-10T11:05:53.210Z',
      'deployment:1207:waiting:enter deploy-queue 2026-03-10T11:24:51.858Z',
      'deployment:1207:waiting:exit deploy-queue 2026-03-10T11:25:02.440Z',
      'deployment:1207:running:enter deploy 2026-03-10T11:25:02.440Z',
      'pipeline:30560:1:exit ci 2026-03-10T11:40:10.884Z success',
      'deployment:1207:running:exit deploy 2026-03-10T11:40:12.441Z success',
      'deployment:1207:done:enter done 2026-03-10T11:40:12.441Z',
    ])
    const byId = new Map(events.map((event) => [event.id, event]))
    expect(byId.get(`${MR_23}:coding:enter`)).toMatchObject({
      source: 'gitlab',
      links: [
        { kind: 'pr', id: 'acme/ledger!23' },
        { kind: 'issue', id: 'PAY-150' },
        { kind: 'commit', id: 'd4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3' },
        { kind: 'commit', id: '7c0ffee1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7' },
      ],
      attributes: { repository: 'acme/ledger', mr: 23, branch: 'PAY-150-idempotent-writes', author: 'sam-o' },
    })
    expect(byId.get(`${MR_23}:merge:done:enter`)?.attributes?.doneRule).toBe('merge')
    expect(byId.get(`${MR_23}:deployment:1207:done:enter`)?.attributes).toMatchObject({
      doneRule: 'production-deploy',
    })
    expect(byId.get(`${MR_23}:deployment:1207:running:exit`)?.attributes).toMatchObject({
      environment: 'production',
      production: true,
      tier: 'production',
      deploymentId: 1207,
    })
    expect(byId.get(`${MR_23}:pipeline:30560:1:exit`)?.attributes).toEqual({
      repository: 'acme/ledger',
      mr: 23,
      branch: 'PAY-150-idempotent-writes',
      author: 'sam-o',
      pipelineId: 30560,
      trigger: 'push',
      ref: 'main',
      queuedAt: '2026-03-10T11:05:41.337Z',
      runs: 1,
    })
    // !24 is still a draft: coding, entered at its creation, not left.
    expect(lifeOf(events, 'gitlab:acme/ledger!24')).toEqual(['coding:enter develop 2026-03-10T15:02:11.000Z'])
    expect(summary.unjoined).toEqual([])
  })

  it('with the deployment, the analysis is done at the production deployment: lead time from the first commit', async () => {
    server.use(...projectHandlers([storyProject()]))
    const { events } = await Effect.runPromise(sync(gitlabAdapter, config))
    const report = analyzeEvents(events)
    expect(report.done).toMatchObject({ rule: 'production-deploy' })
    expect(report.items.completed).toBe(1)
    // 2026-03-09T08:05:11.000Z to 2026-03-10T11:40:12.441Z
    expect(report.leadTime).toMatchObject({ count: 1, p50: 99_301.441 })
  })

  it('a project with no deployments is done at the merge: one done, lead time first commit to merge', async () => {
    const project = storyProject()
    project.deployments.length = 0
    server.use(...projectHandlers([project]))
    const { events } = await Effect.runPromise(sync(gitlabAdapter, config))
    const report = analyzeEvents(events)
    expect(report.done).toMatchObject({ rule: 'merge', scopes: [{ scope: 'acme/ledger', rule: 'merge' }] })
    expect(report.items.completed).toBe(1)
    // 2026-03-09T08:05:11.000Z to 2026-03-10T11:05:30.412Z
    expect(report.leadTime).toMatchObject({ count: 1, p50: 97_219.412 })
  })
})
