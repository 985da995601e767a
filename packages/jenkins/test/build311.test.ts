import { memoryCheckpointStore, type StageEventEncoded } from '@herbie/core'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { type FakeJob, fakeJenkins, fixture } from './fakeJenkins.js'
import { storyConfig, sync } from './support.js'

type Json = Record<string, unknown>
const ITEM = 'github:acme/payments@9f1c2e7b4a6d8c0e1f3a5b7c9d2e4f6a8b0c1d3e'
const SHA = '9f1c2e7b4a6d8c0e1f3a5b7c9d2e4f6a8b0c1d3e'
const links = [
  { kind: 'commit', id: SHA },
  { kind: 'issue', id: 'PAY-142' },
] as const
const stagingLinks = [...links, { kind: 'environment', id: 'staging' }] as const
const own = { repository: 'acme/payments', job: 'payments/main', build: 311 }

const finished = () => fixture<Json>('build-311.json')
const description = () => fixture<{ stages: Json[] } & Json>('build-311-wfapi-describe.json')

/** Build #311 as Jenkins shows it at an instant of its life: `stages` of them begun, the last with `status`. */
const atStage = (stages: number, status: string): { build: Json; describe: Json } => {
  const full = description()
  const shown = full.stages
    .slice(0, stages)
    .map((stage, index) =>
      index === stages - 1 ? { ...stage, status, durationMillis: 1000, pauseDurationMillis: 0 } : stage,
    )
  return {
    build: { ...finished(), building: true, result: null, duration: 0 },
    describe: { ...full, status: status === 'PAUSED_PENDING_INPUT' ? status : 'IN_PROGRESS', stages: shown },
  }
}

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const serve = (build: Json, describe: Json) => {
  const job: FakeJob = { builds: [build], describes: { 311: describe } }
  const fake = fakeJenkins({ 'payments/main': job })
  server.resetHandlers(...fake.handlers)
  return fake
}

const ciEnter: StageEventEncoded = {
  id: `${ITEM}:build:payments/main#311:1:enter`,
  itemId: ITEM,
  stage: 'ci',
  type: 'enter',
  at: '2026-03-05T14:31:02Z',
  source: 'jenkins',
  links,
  attributes: { ...own, queueMs: 22000, queuedAt: '2026-03-05T14:30:40Z' },
}
const ciExit: StageEventEncoded = {
  id: `${ITEM}:build:payments/main#311:1:exit`,
  itemId: ITEM,
  stage: 'ci',
  type: 'exit',
  at: '2026-03-05T14:44:06.447Z',
  source: 'jenkins',
  outcome: 'success',
  links,
  attributes: { ...own, queueMs: 22000, queuedAt: '2026-03-05T14:30:40Z', runs: 1 },
}
const gateEnter: StageEventEncoded = {
  id: `${ITEM}:build:payments/main#311:49:input:enter`,
  itemId: ITEM,
  stage: 'deploy-queue',
  type: 'enter',
  at: '2026-03-05T14:44:06.447Z',
  source: 'jenkins',
  links,
  attributes: { ...own, gate: 'Approve production' },
}
const rest: StageEventEncoded[] = [
  {
    id: `${ITEM}:build:payments/main#311:49:input:exit`,
    itemId: ITEM,
    stage: 'deploy-queue',
    type: 'exit',
    at: '2026-03-05T14:49:07.642Z',
    source: 'jenkins',
    links,
    attributes: { ...own, gate: 'Approve production' },
  },
  {
    id: `${ITEM}:build:payments/main#311:57:enter`,
    itemId: ITEM,
    stage: 'deploy',
    type: 'enter',
    at: '2026-03-05T14:49:07.642Z',
    source: 'jenkins',
    links: stagingLinks,
    attributes: { ...own, environment: 'staging' },
  },
  {
    id: `${ITEM}:build:payments/main#311:57:exit`,
    itemId: ITEM,
    stage: 'deploy',
    type: 'exit',
    at: '2026-03-05T14:51:08.130Z',
    source: 'jenkins',
    outcome: 'success',
    links: stagingLinks,
    attributes: { ...own, environment: 'staging', stages: 'Deploy to staging' },
  },
]

describe('build #311 of payments/main, from the queue to the staging deploy', () => {
  it('one sync after it finished: CI from leaving the queue (22 s queued before, waiting) to the approval, the approval as waiting in deploy-queue, the staging deploy; no done candidate', async () => {
    serve(finished(), description())
    const { events, summary } = await sync(storyConfig())
    expect(events).toEqual([ciEnter, ciExit, gateEnter, ...rest])
    expect(summary?.unjoined).toEqual([])
    expect(events.some((event) => event.stage === 'done')).toBe(false)
  })

  it('synced through its life (building, paused for approval, finished): the same events, each written once with one content', async () => {
    const store = memoryCheckpointStore()
    const seen: StageEventEncoded[] = []
    const building = atStage(2, 'IN_PROGRESS')
    serve(building.build, building.describe)
    const first = await sync(storyConfig(), store)
    expect(first.events).toEqual([ciEnter])
    seen.push(...first.events)
    const paused = atStage(5, 'PAUSED_PENDING_INPUT')
    serve(paused.build, paused.describe)
    const second = await sync(storyConfig(), store)
    expect(second.events).toEqual([ciExit, gateEnter])
    seen.push(...second.events)
    const fake = serve(finished(), description())
    const third = await sync(storyConfig(), store)
    expect(third.events).toEqual([gateEnter, ...rest])
    seen.push(...third.events)
    // the build is fetched again by number, not listed: one tree request, the build, its stages
    expect(fake.requests.map((request) => request.split('?')[0])).toEqual([
      '/jenkins/api/json',
      '/jenkins/job/payments/job/main/311/api/json',
      '/jenkins/job/payments/job/main/311/wfapi/describe',
    ])
    const byId = new Map<string, StageEventEncoded>()
    for (const event of seen) {
      const before = byId.get(event.id)
      if (before !== undefined) expect(event, `one content for ${event.id}`).toEqual(before)
      byId.set(event.id, event)
    }
    expect([...byId.values()]).toEqual([ciEnter, ciExit, gateEnter, ...rest])
  })

  it('a second sync right after the first makes one request and writes nothing', async () => {
    const store = memoryCheckpointStore()
    serve(finished(), description())
    await sync(storyConfig(), store)
    const fake = serve(finished(), description())
    const again = await sync(storyConfig(), store)
    expect(again.events).toEqual([])
    expect(fake.requests.length).toBe(1)
  })
})
