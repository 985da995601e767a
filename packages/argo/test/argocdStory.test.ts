import { memoryCheckpointStore, type StageEventEncoded } from '@herbie/core'
import { backfillOnce } from '@herbie/testkit'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { argocdAdapter } from '../src/index.js'
import { type App, failedSyncApps, fakeArgocd, storyApps, storyConfig } from './fakeArgocd.js'
import { fixture } from './fixtures.js'

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const config = storyConfig

const MERGE = '9f1c2e7b4a6d8c0e1f3a5b7c9d2e4f6a8b0c1d3e'
const BROKEN = 'd3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2'
const prod = {
  repository: 'acme/payments-deploy',
  application: 'argocd/payments-prod',
  project: 'default',
  production: true,
  environment: 'prod',
}
const links = (sha: string) => [
  { kind: 'commit', id: sha },
  { kind: 'environment', id: 'prod' },
]

/** id, at and outcome of each event, for the lists where the whole event is not the point. */
const brief = (events: ReadonlyArray<StageEventEncoded>) =>
  events.map((event) => [
    event.id.replace(/^github:acme\/payments-deploy@[0-9a-f]{7}[0-9a-f]*:/, ''),
    event.at,
    event.outcome,
  ])

describe('Argo CD: the story of payments-prod', () => {
  it('the failed sync of 2026-03-04 is a deploy stay with outcome failure for the revision it tried, and entry 40 failed as the app went Degraded', async () => {
    const fake = fakeArgocd(failedSyncApps())
    server.use(...fake.handlers)
    const { events, exit } = await backfillOnce(argocdAdapter, config({ apps: ['payments-prod'] }))
    expect(exit._tag).toBe('Success')
    expect(brief(events)).toEqual([
      ['argocd/payments-prod:history:39:enter', '2026-03-03T15:08:11Z', undefined],
      ['argocd/payments-prod:history:39:exit', '2026-03-03T15:10:04Z', 'success'],
      ['argocd/payments-prod:history:39:done:enter', '2026-03-03T15:10:04Z', undefined],
      ['argocd/payments-prod:history:40:enter', '2026-03-04T17:20:01Z', undefined],
      ['argocd/payments-prod:history:40:exit', '2026-03-04T17:22:45Z', 'failure'],
      ['argocd/payments-prod:sync:2026-03-04T17:41:05Z:enter', '2026-03-04T17:41:05Z', undefined],
      ['argocd/payments-prod:sync:2026-03-04T17:41:05Z:exit', '2026-03-04T17:43:58Z', 'failure'],
    ])
    expect(events.slice(-2)).toEqual([
      {
        id: `github:acme/payments-deploy@${BROKEN}:argocd/payments-prod:sync:2026-03-04T17:41:05Z:enter`,
        itemId: `github:acme/payments-deploy@${BROKEN}`,
        stage: 'deploy',
        type: 'enter',
        at: '2026-03-04T17:41:05Z',
        source: 'argocd',
        links: links(BROKEN),
        attributes: prod,
      },
      {
        id: `github:acme/payments-deploy@${BROKEN}:argocd/payments-prod:sync:2026-03-04T17:41:05Z:exit`,
        itemId: `github:acme/payments-deploy@${BROKEN}`,
        stage: 'deploy',
        type: 'exit',
        at: '2026-03-04T17:43:58Z',
        source: 'argocd',
        outcome: 'failure',
        links: links(BROKEN),
        attributes: { ...prod, phase: 'Failed' },
      },
    ])
    // entry 40's exit says why it failed: the health Argo CD reported
    expect(events[4]?.attributes).toEqual({ ...prod, historyId: 40, health: 'Degraded' })
    // the app is out of sync but syncs automatically: its sync windows are asked, and nothing waits
    expect(fake.requests).toEqual([
      '/api/v1/applications',
      '/api/v1/applications/payments-prod/syncwindows?appNamespace=argocd',
    ])
  })

  it('entry 41 is a successful deploy of the merge commit and its done candidate; the next sync makes one request and maps only it', async () => {
    const fake = fakeArgocd(failedSyncApps())
    server.use(...fake.handlers)
    const store = memoryCheckpointStore()
    await backfillOnce(argocdAdapter, config({ apps: ['payments-prod'] }), store)
    fake.apps = storyApps()
    fake.requests.length = 0
    const { events } = await backfillOnce(argocdAdapter, config({ apps: ['payments-prod'] }), store)
    const item = `github:acme/payments-deploy@${MERGE}`
    const attributes = { ...prod, historyId: 41 }
    expect(events).toEqual([
      {
        id: `${item}:argocd/payments-prod:history:41:enter`,
        itemId: item,
        stage: 'deploy',
        type: 'enter',
        at: '2026-03-05T16:00:02Z',
        source: 'argocd',
        links: links(MERGE),
        attributes,
      },
      {
        id: `${item}:argocd/payments-prod:history:41:exit`,
        itemId: item,
        stage: 'deploy',
        type: 'exit',
        at: '2026-03-05T16:04:38Z',
        source: 'argocd',
        outcome: 'success',
        links: links(MERGE),
        attributes: { ...attributes, health: 'Healthy' },
      },
      {
        id: `${item}:argocd/payments-prod:history:41:done:enter`,
        itemId: item,
        stage: 'done',
        type: 'enter',
        at: '2026-03-05T16:04:38Z',
        source: 'argocd',
        links: links(MERGE),
        attributes: { ...attributes, doneRule: 'production-deploy' },
      },
    ])
    expect(fake.requests).toEqual(['/api/v1/applications'])
    // a third sync with nothing new: one request, no events
    fake.requests.length = 0
    expect((await backfillOnce(argocdAdapter, config({ apps: ['payments-prod'] }), store)).events).toEqual([])
    expect(fake.requests).toEqual(['/api/v1/applications'])
  })

  it('while the health is still Progressing, entry 41 stays open; the next sync that sees it Healthy finishes it and writes the done candidate', async () => {
    const progressing = fixture<App & { status: { health: { status: string } } }>(
      'application-payments-prod.json',
    )
    progressing.status.health.status = 'Progressing'
    const fake = fakeArgocd([progressing])
    server.use(...fake.handlers)
    const store = memoryCheckpointStore()
    const first = await backfillOnce(argocdAdapter, config(), store)
    expect(brief(first.events).slice(-2)).toEqual([
      ['argocd/payments-prod:history:40:done:enter', '2026-03-04T17:22:45Z', undefined],
      ['argocd/payments-prod:history:41:enter', '2026-03-05T16:00:02Z', undefined],
    ])
    fake.apps = storyApps().slice(0, 1)
    const second = await backfillOnce(argocdAdapter, config(), store)
    expect(brief(second.events)).toEqual([
      ['argocd/payments-prod:history:41:enter', '2026-03-05T16:00:02Z', undefined],
      ['argocd/payments-prod:history:41:exit', '2026-03-05T16:04:38Z', 'success'],
      ['argocd/payments-prod:history:41:done:enter', '2026-03-05T16:04:38Z', undefined],
    ])
  })

  it('staging deploys are deploy stays of environment staging, never done candidates', async () => {
    server.use(...fakeArgocd(storyApps()).handlers)
    const { events } = await backfillOnce(argocdAdapter, config({ apps: ['payments-staging'] }))
    expect(brief(events)).toEqual([
      ['argocd/payments-staging:history:86:enter', '2026-03-03T14:50:20Z', undefined],
      ['argocd/payments-staging:history:86:exit', '2026-03-03T14:51:42Z', 'success'],
      ['argocd/payments-staging:history:87:enter', '2026-03-04T17:05:13Z', undefined],
      ['argocd/payments-staging:history:87:exit', '2026-03-04T17:06:30Z', 'success'],
      ['argocd/payments-staging:history:88:enter', '2026-03-05T14:45:03Z', undefined],
      ['argocd/payments-staging:history:88:exit', '2026-03-05T14:49:27Z', 'success'],
    ])
    expect(events[5]?.attributes).toEqual({
      repository: 'acme/payments-deploy',
      application: 'argocd/payments-staging',
      project: 'default',
      production: false,
      environment: 'staging',
      historyId: 88,
      health: 'Healthy',
    })
  })
})
