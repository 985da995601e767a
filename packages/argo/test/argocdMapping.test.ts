import { memoryCheckpointStore, type StageEventEncoded } from '@herbie/core'
import { backfillOnce } from '@herbie/testkit'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { argocdAdapter, deployedRevision, environmentOf, imageShas, revisionContext } from '../src/index.js'
import { fakeArgocd, storyApps, storyConfig } from './fakeArgocd.js'
import { fixture } from './fixtures.js'

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const config = storyConfig

const MERGE = '9f1c2e7b4a6d8c0e1f3a5b7c9d2e4f6a8b0c1d3e'

interface App {
  metadata: { name: string; namespace?: string; labels?: Record<string, string> }
  spec: { syncPolicy?: unknown; destination: { namespace?: string } }
  status: {
    sync: { status: string; revision?: string }
    history: Array<{ id: number }>
    reconciledAt?: string
    operationState?: Record<string, unknown>
  }
}

/** payments-prod synced by hand (no automated sync), after entry 41 (`after`) or before it, Git already at the merge commit. */
const manualProd = (after: boolean): App => {
  const app = fixture<App>('application-payments-prod.json')
  app.spec.syncPolicy = {}
  if (after) return app
  app.status.history = app.status.history.filter((entry) => entry.id < 41)
  app.status.sync = { status: 'OutOfSync', revision: MERGE }
  app.status.reconciledAt = '2026-03-05T15:58:30Z'
  app.status.operationState = {
    operation: { sync: { revision: 'b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1' } },
    phase: 'Succeeded',
    startedAt: '2026-03-04T17:20:01Z',
    finishedAt: '2026-03-04T17:22:45Z',
    syncResult: { revision: 'b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1' },
  }
  return app
}

const waitEvents = (events: ReadonlyArray<StageEventEncoded>) =>
  events.filter((event) => event.stage === 'deploy-queue')

describe('Argo CD: waits in front of a deploy', () => {
  it('a revision waiting for a manual sync is a deploy-queue stay from the first reconcile that saw it until the sync starts', async () => {
    const fake = fakeArgocd([manualProd(false)])
    server.use(...fake.handlers)
    const store = memoryCheckpointStore()
    const first = await backfillOnce(argocdAdapter, config(), store)
    const item = `github:acme/payments-deploy@${MERGE}`
    const attributes = {
      repository: 'acme/payments-deploy',
      application: 'argocd/payments-prod',
      project: 'default',
      production: true,
      environment: 'prod',
      waitingFor: 'manual-sync',
    }
    const links = [
      { kind: 'commit', id: MERGE },
      { kind: 'environment', id: 'prod' },
    ]
    expect(waitEvents(first.events)).toEqual([
      {
        id: `${item}:argocd/payments-prod:waiting:2026-03-05T15:58:30Z:enter`,
        itemId: item,
        stage: 'deploy-queue',
        type: 'enter',
        at: '2026-03-05T15:58:30Z',
        source: 'argocd',
        links,
        attributes,
      },
    ])
    // still waiting at the next reconcile: the wait stays open, nothing new is written
    const later = manualProd(false)
    later.status.reconciledAt = '2026-03-05T15:59:40Z'
    fake.apps = [later]
    expect((await backfillOnce(argocdAdapter, config(), store)).events).toEqual([])
    fake.apps = [manualProd(true)]
    const synced = await backfillOnce(argocdAdapter, config(), store)
    expect(waitEvents(synced.events)).toEqual([
      {
        id: `${item}:argocd/payments-prod:waiting:2026-03-05T15:58:30Z:exit`,
        itemId: item,
        stage: 'deploy-queue',
        type: 'exit',
        at: '2026-03-05T16:00:02Z',
        source: 'argocd',
        links,
        attributes,
      },
    ])
    expect(synced.events.filter((event) => event.stage === 'deploy').map((event) => event.at)).toEqual([
      '2026-03-05T16:00:02Z',
      '2026-03-05T16:04:38Z',
    ])
  })

  it('a revision blocked by a sync window waits for the sync-window, even with automated sync on', async () => {
    const app = manualProd(false)
    app.spec.syncPolicy = { automated: { prune: true } }
    const fake = fakeArgocd([app])
    fake.windows['payments-prod'] = {
      canSync: false,
      activeWindows: [{ kind: 'deny', schedule: '0 15 * * *', duration: '3h', manualSync: false }],
    }
    server.use(...fake.handlers)
    const { events } = await backfillOnce(argocdAdapter, config())
    expect(waitEvents(events).map((event) => [event.type, event.at, event.attributes?.waitingFor])).toEqual([
      ['enter', '2026-03-05T15:58:30Z', 'sync-window'],
    ])
  })

  it('an application out of sync that syncs automatically and no window blocks does not wait', async () => {
    const app = manualProd(false)
    app.spec.syncPolicy = { automated: { prune: true } }
    server.use(...fakeArgocd([app]).handlers)
    expect(waitEvents((await backfillOnce(argocdAdapter, config())).events)).toEqual([])
  })
})

describe('Argo CD: environments and production', () => {
  const app = (name: string, labels: Record<string, string> = {}, namespace = 'payments') => ({
    metadata: { name, labels },
    spec: { project: 'default', destination: { namespace } },
  })
  const rules = (environmentFrom: string[]) => config({ environmentFrom })

  it('come from a label, the name suffix or the destination namespace, first found wins', () => {
    expect(
      environmentOf(rules(['label', 'name-suffix']), app('payments-prod', { environment: 'production' })),
    ).toBe('production')
    expect(environmentOf(rules(['label', 'name-suffix']), app('payments-Staging'))).toBe('staging')
    expect(environmentOf(rules(['namespace']), app('payments-prod', {}, 'payments-live'))).toBe(
      'payments-live',
    )
    expect(environmentOf(rules(['label']), app('payments-prod'))).toBeUndefined()
    expect(
      environmentOf(
        config({ environmentFrom: ['label'], environmentLabel: 'tier' }),
        app('x', { tier: 'qa' }),
      ),
    ).toBe('qa')
  })

  it('a configured production pattern decides which deploys are done candidates', async () => {
    server.use(...fakeArgocd(storyApps()).handlers)
    const { events } = await backfillOnce(argocdAdapter, config({ productionEnvironment: '^staging$' }))
    expect(
      events.filter((event) => event.stage === 'done').map((event) => event.attributes?.application),
    ).toEqual(['argocd/payments-staging', 'argocd/payments-staging', 'argocd/payments-staging'])
  })

  it('image tags that carry a SHA are commits; digests, versions and latest are not', () => {
    expect(
      imageShas([
        'ghcr.io/acme/payments-api:9f1c2e7',
        'ghcr.io/acme/worker:sha-A1C9E8F7D6B5',
        'nginx:latest',
        'ghcr.io/acme/api:v1.4.0',
        'ghcr.io/acme/api@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
        'registry:5000/acme/api:1234567',
      ]),
    ).toEqual(['9f1c2e7', 'a1c9e8f7d6b5', '1234567'])
  })
})

describe('Argo CD: a recorded application (argoproj/argo-cd controller test data)', () => {
  it('maps its ten history entries as deploys of environment test, the newest healthy, none done', async () => {
    const recorded = fixture<{ items: App[] }>('recorded/argo-cd-controller-velero-test-list.json')
    server.use(...fakeArgocd(recorded.items).handlers)
    const { events, exit } = await backfillOnce(argocdAdapter, config())
    expect(exit._tag).toBe('Success')
    expect(events.length).toBe(20)
    expect(new Set(events.map((event) => event.itemId))).toEqual(
      new Set(['github:foo/manifests-velero@ea8759964626a583667a2bfd08f334ec2070040a']),
    )
    expect(
      events.filter((event) => event.type === 'exit').map((event) => event.attributes?.historyId),
    ).toEqual([14, 15, 16, 17, 18, 19, 20, 21, 22, 23])
    expect(events.at(-1)).toMatchObject({
      type: 'exit',
      at: '2024-03-05T07:33:04Z',
      outcome: 'success',
      attributes: {
        application: 'argo-cd/velero-test',
        project: 'sre',
        environment: 'test',
        production: false,
        health: 'Healthy',
      },
    })
  })
})

describe('Argo CD: which revision a deploy is, and its item', () => {
  it('a multi-source entry deploys the revision of its first source on a known host that is a SHA', () => {
    const config = storyConfig({ hosts: { 'github.com': 'github', 'gitlab.example.com': 'gitlab' } })
    const entry = {
      revisions: ['1.2.2', '7c0ffee1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7'],
      sources: [
        { repoURL: 'https://charts.example.test', chart: 'ledger' },
        { repoURL: 'git@gitlab.example.com:acme/ledger-deploy.git', path: 'prod' },
      ],
    }
    const deployed = deployedRevision(config, entry, undefined)
    expect(deployed).toEqual({
      revision: '7c0ffee1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7',
      repository: { kind: 'gitlab', path: 'acme/ledger-deploy' },
    })
    expect(revisionContext(deployed.repository, deployed.revision, 'unused')).toEqual({
      itemId: 'gitlab:acme/ledger-deploy@7c0ffee1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7',
      links: [{ kind: 'commit', id: '7c0ffee1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7' }],
      attributes: { repository: 'acme/ledger-deploy' },
    })
  })

  it('a Helm chart version is no commit: the deploy is the application’s own item, linked only to the commit its image tag names', async () => {
    const app = fixture<App & { spec: { source?: unknown } }>('application-payments-prod.json')
    app.spec.source = { repoURL: 'https://charts.example.test', chart: 'payments', targetRevision: '2.4.1' }
    const chartEntry = { id: 7, revision: '2.4.1', deployedAt: '2026-03-05T16:04:38Z' }
    app.status.history = [chartEntry]
    delete app.status.operationState
    server.use(...fakeArgocd([app]).handlers)
    const { events } = await backfillOnce(argocdAdapter, storyConfig())
    const links = [
      { kind: 'commit', id: '9f1c2e7' },
      { kind: 'environment', id: 'prod' },
    ]
    expect(events.map((event) => [event.id, event.links, event.attributes?.repository])).toEqual([
      ['argocd:argocd/payments-prod@2.4.1:argocd/payments-prod:history:7:enter', links, undefined],
      ['argocd:argocd/payments-prod@2.4.1:argocd/payments-prod:history:7:exit', links, undefined],
      ['argocd:argocd/payments-prod@2.4.1:argocd/payments-prod:history:7:done:enter', links, undefined],
    ])
  })
})
