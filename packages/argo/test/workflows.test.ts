import { memoryCheckpointStore, type StageEventEncoded } from '@herbie/core'
import { backfillOnce, failureOf } from '@herbie/testkit'
import { HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { argoWorkflowsAdapter, phaseOutcome } from '../src/index.js'
import {
  type FakeWorkflow,
  fakeArgoWorkflows,
  storyWorkflows,
  WF_BASE,
  WF_TOKEN,
} from './fakeArgoWorkflows.js'
import { fixture } from './fixtures.js'
import { configOf } from './support.js'

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const config = (extra: Record<string, unknown> = {}) =>
  configOf(argoWorkflowsAdapter, { baseUrl: WF_BASE, token: WF_TOKEN, namespace: 'payments-ci', ...extra })

const MERGE = '9f1c2e7b4a6d8c0e1f3a5b7c9d2e4f6a8b0c1d3e'
const brief = (events: ReadonlyArray<StageEventEncoded>) =>
  events.map((event) => [event.stage, event.type, event.at, event.outcome, event.attributes?.template])

interface Node {
  readonly id: string
  readonly templateName?: string
  readonly type: string
  readonly phase: string
  readonly startedAt: string
  readonly finishedAt: string | null
}

/** A workflow of the commit `sha` in payments-ci whose nodes are `nodes` (ids prefixed by its name). */
const workflow = (
  name: string,
  createdAt: string,
  nodes: ReadonlyArray<Omit<Node, 'id'> & { id: string }>,
  phase = 'Succeeded',
) => ({
  metadata: {
    name,
    namespace: 'payments-ci',
    uid: `uid-${name}`,
    resourceVersion: '1',
    creationTimestamp: createdAt,
    labels: { 'acme.example/commit-sha': MERGE, 'acme.example/repo': 'acme.payments' },
  },
  spec: {},
  status: {
    phase,
    startedAt: createdAt,
    nodes: Object.fromEntries(
      nodes.map((node) => [
        `${name}-${node.id}`,
        { ...node, id: `${name}-${node.id}`, name: `${name}.${node.id}` },
      ]),
    ),
  },
})

describe('Argo Workflows: the story’s integration tests', () => {
  it('payments-itest-x7k2p: integration-tests and smoke-test are CI stays of the merge commit’s item, with exact times', async () => {
    server.use(...fakeArgoWorkflows().handlers)
    const { events } = await backfillOnce(argoWorkflowsAdapter, config())
    const item = `github:acme/payments@${MERGE}`
    const story = events.filter((event) => event.itemId === item)
    const attributes = { repository: 'acme/payments', workflow: 'payments-ci/payments-itest-x7k2p' }
    const links = [{ kind: 'commit', id: MERGE }]
    expect(story.slice(0, 2)).toEqual([
      {
        id: `${item}:node:payments-ci/payments-itest-x7k2p-1422318844:1:enter`,
        itemId: item,
        stage: 'ci',
        type: 'enter',
        at: '2026-03-05T14:50:01Z',
        source: 'argo-workflows',
        links,
        attributes: { ...attributes, template: 'integration-tests' },
      },
      {
        id: `${item}:node:payments-ci/payments-itest-x7k2p-1422318844:1:exit`,
        itemId: item,
        stage: 'ci',
        type: 'exit',
        at: '2026-03-05T15:03:09Z',
        source: 'argo-workflows',
        outcome: 'success',
        links,
        attributes: { ...attributes, template: 'integration-tests', runs: 1 },
      },
    ])
    expect(brief(story.slice(2))).toEqual([
      ['ci', 'enter', '2026-03-05T15:03:19Z', undefined, 'smoke-test'],
      ['ci', 'exit', '2026-03-05T15:07:23Z', 'success', 'smoke-test'],
    ])
    // the earlier workflow of b2c3d4e failed in integration-tests
    expect(brief(events.filter((event) => event.itemId !== item))).toEqual([
      ['ci', 'enter', '2026-03-04T17:07:02Z', undefined, 'integration-tests'],
      ['ci', 'exit', '2026-03-04T17:19:34Z', 'failure', 'integration-tests'],
    ])
  })

  it('a second sync right after the first makes one request, created since the newest workflow, and writes nothing', async () => {
    const fake = fakeArgoWorkflows()
    server.use(...fake.handlers)
    const store = memoryCheckpointStore()
    await backfillOnce(argoWorkflowsAdapter, config(), store)
    fake.requests.length = 0
    const { events } = await backfillOnce(argoWorkflowsAdapter, config(), store)
    expect(events).toEqual([])
    expect(fake.requests).toEqual([
      '/api/v1/workflows/payments-ci?listOptions.limit=100&createdAfter=2026-03-05T14%3A50%3A01Z',
    ])
  })
})

describe('Argo Workflows: paging, running workflows, deploys and approvals', () => {
  it('pages with listOptions.limit and listOptions.continue until a page has no continue token (three pages)', async () => {
    const ci = (at: string) => [
      {
        id: '1',
        type: 'Pod',
        templateName: 'unit-tests',
        phase: 'Succeeded',
        startedAt: at,
        finishedAt: at.replace(':00Z', ':30Z'),
      },
    ]
    const fake = fakeArgoWorkflows([
      workflow('w1', '2026-03-05T10:00:00Z', ci('2026-03-05T10:00:00Z')),
      workflow('w2', '2026-03-05T11:00:00Z', ci('2026-03-05T11:00:00Z')),
      workflow('w3', '2026-03-05T12:00:00Z', ci('2026-03-05T12:00:00Z')),
    ])
    server.use(...fake.handlers)
    const { events } = await backfillOnce(argoWorkflowsAdapter, config({ pageSize: 1, archived: false }))
    expect(fake.requests).toEqual([
      '/api/v1/workflows/payments-ci?listOptions.limit=1',
      '/api/v1/workflows/payments-ci?listOptions.limit=1&listOptions.continue=1',
      '/api/v1/workflows/payments-ci?listOptions.limit=1&listOptions.continue=2',
    ])
    // one item (the same commit), three CI stays in time order
    expect(
      events.filter((event) => event.type === 'enter').map((event) => event.attributes?.workflow),
    ).toEqual(['payments-ci/w1', 'payments-ci/w2', 'payments-ci/w3'])
  })

  it('a workflow running at one sync is read again by name at the next, which finishes its CI stay', async () => {
    const running = workflow(
      'w-run',
      '2026-03-05T10:00:00Z',
      [
        {
          id: '1',
          type: 'Pod',
          templateName: 'build',
          phase: 'Running',
          startedAt: '2026-03-05T10:00:05Z',
          finishedAt: null,
        },
      ],
      'Running',
    )
    const fake = fakeArgoWorkflows([running, workflow('w-new', '2026-03-05T11:00:00Z', [])])
    server.use(...fake.handlers)
    const store = memoryCheckpointStore()
    const first = await backfillOnce(argoWorkflowsAdapter, config({ archived: false }), store)
    expect(brief(first.events)).toEqual([['ci', 'enter', '2026-03-05T10:00:05Z', undefined, 'build']])
    fake.live = [
      workflow('w-run', '2026-03-05T10:00:00Z', [
        {
          id: '1',
          type: 'Pod',
          templateName: 'build',
          phase: 'Succeeded',
          startedAt: '2026-03-05T10:00:05Z',
          finishedAt: '2026-03-05T10:04:00Z',
        },
      ]),
      workflow('w-new', '2026-03-05T11:00:00Z', []),
    ]
    fake.requests.length = 0
    const second = await backfillOnce(argoWorkflowsAdapter, config({ archived: false }), store)
    expect(second.events.map((event) => [event.id.split(':node:')[1], event.at, event.outcome])).toEqual([
      ['payments-ci/w-run-1:1:exit', '2026-03-05T10:04:00Z', 'success'],
    ])
    expect(fake.requests).toEqual([
      '/api/v1/workflows/payments-ci?listOptions.limit=100&createdAfter=2026-03-05T11%3A00%3A00Z',
      '/api/v1/workflows/payments-ci/w-run',
    ])
  })

  it('templates named like deploy, release or promote are deploy stays; to production a done candidate; a suspend node waits', async () => {
    server.use(
      ...fakeArgoWorkflows([
        workflow('w-cd', '2026-03-05T15:50:00Z', [
          {
            id: '1',
            type: 'Pod',
            templateName: 'deploy-staging',
            phase: 'Succeeded',
            startedAt: '2026-03-05T15:50:05Z',
            finishedAt: '2026-03-05T15:52:00Z',
          },
          {
            id: '2',
            type: 'Suspend',
            templateName: 'approve',
            phase: 'Succeeded',
            startedAt: '2026-03-05T15:52:05Z',
            finishedAt: '2026-03-05T15:59:50Z',
          },
          {
            id: '3',
            type: 'Pod',
            templateName: 'promote-production',
            phase: 'Succeeded',
            startedAt: '2026-03-05T16:00:00Z',
            finishedAt: '2026-03-05T16:04:30Z',
          },
          {
            id: '4',
            type: 'Pod',
            templateName: 'notify',
            phase: 'Omitted',
            startedAt: '2026-03-05T16:04:31Z',
            finishedAt: '2026-03-05T16:04:31Z',
          },
          {
            id: '5',
            type: 'StepGroup',
            phase: 'Succeeded',
            startedAt: '2026-03-05T15:50:00Z',
            finishedAt: '2026-03-05T16:04:31Z',
          },
        ]),
      ]).handlers,
    )
    const { events } = await backfillOnce(argoWorkflowsAdapter, config({ archived: false }))
    expect(brief(events)).toEqual([
      ['ci', 'enter', '2026-03-05T16:04:31Z', undefined, 'notify'],
      ['ci', 'exit', '2026-03-05T16:04:31Z', 'cancelled', 'notify'],
      ['deploy', 'enter', '2026-03-05T15:50:05Z', undefined, 'deploy-staging'],
      ['deploy', 'exit', '2026-03-05T15:52:00Z', 'success', 'deploy-staging'],
      ['deploy-queue', 'enter', '2026-03-05T15:52:05Z', undefined, 'approve'],
      ['deploy-queue', 'exit', '2026-03-05T15:59:50Z', undefined, 'approve'],
      ['deploy', 'enter', '2026-03-05T16:00:00Z', undefined, 'promote-production'],
      ['deploy', 'exit', '2026-03-05T16:04:30Z', 'success', 'promote-production'],
      ['done', 'enter', '2026-03-05T16:04:30Z', undefined, 'promote-production'],
    ])
    expect(events.at(-1)?.attributes).toEqual({
      repository: 'acme/payments',
      workflow: 'payments-ci/w-cd',
      template: 'promote-production',
      production: true,
      environment: 'production',
      doneRule: 'production-deploy',
    })
    expect(events[6]?.links).toEqual([
      { kind: 'commit', id: MERGE },
      { kind: 'environment', id: 'production' },
    ])
  })

  it('phases give outcomes: Succeeded success; Failed and Error failure; Skipped and Omitted cancelled; running none', () => {
    expect(
      ['Succeeded', 'Failed', 'Error', 'Skipped', 'Omitted', 'Running', 'Pending'].map(phaseOutcome),
    ).toEqual(['success', 'failure', 'failure', 'cancelled', 'cancelled', undefined, undefined])
  })

  it('a workflow only the archive still holds is read by uid (the archive’s list has no nodes) and mapped', async () => {
    const [live, old] = storyWorkflows()
    const fake = fakeArgoWorkflows([live!], [old!])
    server.use(...fake.handlers)
    const { events } = await backfillOnce(argoWorkflowsAdapter, config())
    expect(fake.requests).toEqual([
      '/api/v1/workflows/payments-ci?listOptions.limit=100',
      '/api/v1/archived-workflows?listOptions.limit=100&namespace=payments-ci',
      '/api/v1/archived-workflows/71c2d4e6-0a3b-4c5d-8e9f-1a2b3c4d5e60',
    ])
    expect(
      brief(events.filter((event) => event.attributes?.workflow === 'payments-ci/payments-itest-q4m8d')),
    ).toEqual([
      ['ci', 'enter', '2026-03-04T17:07:02Z', undefined, 'integration-tests'],
      ['ci', 'exit', '2026-03-04T17:19:34Z', 'failure', 'integration-tests'],
    ])
  })
})

describe('Argo Workflows: the protocol', () => {
  it('a 401 (code 16, no error key) says the token was refused and names ARGO_TOKEN', async () => {
    server.use(...fakeArgoWorkflows().handlers)
    const { exit } = await backfillOnce(argoWorkflowsAdapter, config({ token: 'an-old-token-77aa' }))
    expect(failureOf(exit)).toMatchObject({
      _tag: 'AuthFailed',
      status: 401,
      reason:
        'Argo Workflows refused the token (token not valid. see https://argo-workflows.readthedocs.io/en/latest/faq/): it may have expired or been revoked; make a new one and set ARGO_TOKEN',
    })
  })

  it('a 502 on a page then a success: the page is asked again and the sync goes on to the same events', async () => {
    const fake = fakeArgoWorkflows()
    let failures = 1
    server.use(
      http.get(`${WF_BASE}/api/v1/workflows/:namespace`, () =>
        failures-- > 0
          ? HttpResponse.json({ code: 14, message: 'upstream connect error' }, { status: 502 })
          : undefined,
      ),
      ...fake.handlers,
    )
    const { events, exit } = await backfillOnce(argoWorkflowsAdapter, config({ archived: false }))
    expect(exit._tag).toBe('Success')
    expect(events.length).toBe(6)
    expect(failures).toBe(-1)
  })

  it('a node without its type is a MalformedPayload naming the field', async () => {
    const broken = storyWorkflows()[0] as FakeWorkflow & {
      status: { nodes: Record<string, { type?: string }> }
    }
    delete broken.status.nodes['payments-itest-x7k2p-1422318844']!.type
    server.use(...fakeArgoWorkflows([broken]).handlers)
    const { exit } = await backfillOnce(argoWorkflowsAdapter, config())
    expect(failureOf(exit)).toMatchObject({
      _tag: 'MalformedPayload',
      path: 'GET /api/v1/workflows/payments-ci $.items[0].status.nodes.payments-itest-x7k2p-1422318844.type',
      reason: 'is missing',
    })
  })
})

describe('Argo Workflows: a recorded workflow (argoproj/argo-workflows controller test data)', () => {
  it('dag-with-retries: three attempts of a Retry node, the second and third marked rework, its own item', async () => {
    const recorded = fixture<{ items: FakeWorkflow[] }>(
      'recorded/argo-workflows-controller-dag-retry-list.json',
    )
    server.use(...fakeArgoWorkflows(recorded.items).handlers)
    const { events } = await backfillOnce(
      argoWorkflowsAdapter,
      config({ namespace: 'default', archived: false }),
    )
    expect(new Set(events.map((event) => event.itemId))).toEqual(
      new Set(['argo-workflows:default/dag-with-retries-4wkh8']),
    )
    expect(events.map((event) => [event.type, event.at, event.outcome, event.attributes?.rework])).toEqual([
      ['enter', '2018-08-01T10:22:43Z', undefined, undefined],
      ['exit', '2018-08-01T10:22:50Z', 'failure', undefined],
      ['enter', '2018-08-01T10:22:51Z', undefined, true],
      ['exit', '2018-08-01T10:23:00Z', 'failure', true],
      ['enter', '2018-08-01T10:23:01Z', undefined, true],
      ['exit', '2018-08-01T10:23:08Z', 'success', true],
    ])
  })
})
