import { analyzeNdjson, memoryCheckpointStore, type StageEventEncoded } from '@herbie/core'
import { servePages } from '@herbie/testkit'
import { Effect, Exit } from 'effect'
import { HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { githubAdapter } from '../src/index.js'
import { API, fixture, PR_87_LIFE, storyHandlers, sync } from './support.js'

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const config = { repositories: ['acme/payments'], token: 'ghp_testtoken0000000000' }
const ITEM = 'github:acme/payments#87'

const life = (events: ReadonlyArray<StageEventEncoded>) =>
  events
    .filter((event) => event.itemId === ITEM)
    .map(
      (event) =>
        `${event.at} ${event.stage} ${event.type}${event.outcome === undefined ? '' : ` ${event.outcome}`}`,
    )
    .sort()

describe('GitHub backfill of the story', () => {
  it("yields exactly PR #87's life: coding, review, CI runs, staging and production deployments, done", async () => {
    server.use(...storyHandlers())
    const { events } = await Effect.runPromise(sync(githubAdapter, config))
    expect(life(events)).toEqual(PR_87_LIFE)
  })

  it('links the PR to its Jira issue, commits, deployments and environments; marks production', async () => {
    server.use(...storyHandlers())
    const { events } = await Effect.runPromise(sync(githubAdapter, config))
    const first = events.find((event) => event.itemId === ITEM)!
    expect(first.links).toEqual(
      expect.arrayContaining([
        { kind: 'pr', id: 'acme/payments#87' },
        { kind: 'issue', id: 'PAY-142' },
        { kind: 'commit', id: 'a1c9e8f7d6b5a4938271605f4e3d2c1b0a998877' },
        { kind: 'commit', id: '9f1c2e7b4a6d8c0e1f3a5b7c9d2e4f6a8b0c1d3e' },
      ]),
    )
    const production = events.filter(
      (event) => event.stage === 'deploy' && event.attributes?.production === true,
    )
    expect(production.map((event) => event.type)).toEqual(['enter', 'exit'])
    expect(production[0]!.links).toEqual(
      expect.arrayContaining([
        { kind: 'environment', id: 'production' },
        { kind: 'deployment', id: '2210489902' },
      ]),
    )
  })

  it('follows Link pagination over three pages of pull requests', async () => {
    const pulls = [
      ...(fixture('pulls-list-page1.json') as object[]),
      ...(fixture('pulls-list-page2.json') as object[]),
    ]
    server.use(
      servePages(
        `${API}/repos/acme/payments/pulls`,
        pulls.map((pull) => [pull]),
      ),
      ...storyHandlers(),
    )
    const { events } = await Effect.runPromise(sync(githubAdapter, { ...config, perPage: 1 }))
    expect(new Set(events.map((event) => event.itemId))).toEqual(
      new Set(['github:acme/payments#88', 'github:acme/payments#87', 'github:acme/payments#86']),
    )
    expect(life(events)).toHaveLength(PR_87_LIFE.length)
  })

  it('ids are deterministic and unique: a second full sync yields the same events', async () => {
    server.use(...storyHandlers())
    const a = await Effect.runPromise(sync(githubAdapter, config))
    const b = await Effect.runPromise(sync(githubAdapter, config))
    expect(b.events).toEqual(a.events)
    expect(new Set(a.events.map((event) => event.id)).size).toBe(a.events.length)
  })

  it('the events analyse: PR #87 has a lead time from first commit to production of 2 d 5 h 24 min 29 s', async () => {
    server.use(...storyHandlers())
    // With the production candidate only; under `auto` the analysis picks it for this repository.
    const { events } = await Effect.runPromise(
      sync(githubAdapter, { ...config, doneAt: 'production-deploy' }),
    )
    const report = await Effect.runPromise(analyzeNdjson(events.map((event) => `${JSON.stringify(event)}\n`)))
    expect(report.items.completed).toBe(1)
    expect(report.leadTime!.p50).toBe(2 * 86_400 + 5 * 3600 + 24 * 60 + 29)
    expect(report.dora?.deployments).toBe(1)
  })

  it('closed unmerged and draft PRs: #86 (opened ready) leaves the review queue at its close, #88 is still coding', async () => {
    server.use(...storyHandlers())
    const { events } = await Effect.runPromise(sync(githubAdapter, config))
    expect(
      events
        .filter((event) => event.itemId === 'github:acme/payments#86')
        .map((event) => `${event.stage} ${event.type} ${event.at}`),
    ).toEqual([
      'develop enter 2026-03-02T13:40:09Z',
      'develop exit 2026-03-02T13:40:09Z',
      'review-queue enter 2026-03-02T13:40:09Z',
      'review-queue exit 2026-03-04T15:55:30Z',
    ])
    const closing = events.find(
      (event) =>
        event.itemId === 'github:acme/payments#86' && event.stage === 'review-queue' && event.type === 'exit',
    )
    expect(closing?.attributes?.closedUnmerged).toBe(true)
    expect(
      events
        .filter((event) => event.itemId === 'github:acme/payments#88')
        .map((event) => `${event.stage} ${event.type}`),
    ).toEqual(['develop enter'])
  })

  it('a second sync asks only for what changed since the checkpoint', async () => {
    const store = memoryCheckpointStore()
    const counts = { pulls: 0, issueSince: [] }
    server.use(...storyHandlers({ counts }))
    const first = await Effect.runPromise(sync(githubAdapter, config, store))
    expect(first.summary.checkpoints).toBe(1)
    const second = await Effect.runPromise(sync(githubAdapter, config, store))
    // Everything in the story is older than the first sync: nothing new, one page of PRs read.
    expect(second.events.map((e) => e.id)).toEqual([])
    expect(counts.pulls).toBe(2)
  })
})

describe('GitHub backfill interrupted', () => {
  it('a sync cut off by a lasting outage resumes with no event lost and none with a new id', async () => {
    const store = memoryCheckpointStore()
    server.use(
      http.get(`${API}/repos/acme/payments/deployments`, () => new HttpResponse('down', { status: 503 })),
      ...storyHandlers(),
    )
    const broken = await Effect.runPromiseExit(sync(githubAdapter, { ...config }, store))
    expect(Exit.isFailure(broken) && broken.cause._tag === 'Fail' && broken.cause.error._tag).toBe(
      'Transient',
    )
    server.resetHandlers(...storyHandlers())
    const resumed = await Effect.runPromise(sync(githubAdapter, config, store))
    const clean = await Effect.runPromise(sync(githubAdapter, config))
    expect(resumed.events.map((event) => event.id).sort()).toEqual(
      clean.events.map((event) => event.id).sort(),
    )
  }, 60_000)
})

describe('GitHub backfill failures', () => {
  it('a bad token is AuthFailed, naming no secret', async () => {
    server.use(
      http.get(`${API}/repos/acme/payments/pulls`, () =>
        HttpResponse.json(fixture('errors/401-bad-credentials.json') as object, { status: 401 }),
      ),
    )
    const exit = await Effect.runPromiseExit(sync(githubAdapter, config))
    expect(Exit.isFailure(exit)).toBe(true)
    const error = Exit.isFailure(exit) && exit.cause._tag === 'Fail' ? exit.cause.error : undefined
    expect(error).toMatchObject({ _tag: 'AuthFailed', status: 401 })
    expect(String((error as Error).message)).not.toContain('ghp_testtoken')
  })

  it('an unknown repository is NotFound', async () => {
    server.use(
      http.get(`${API}/repos/acme/payments/pulls`, () =>
        HttpResponse.json(fixture('errors/404.json') as object, { status: 404 }),
      ),
    )
    const exit = await Effect.runPromiseExit(sync(githubAdapter, config))
    expect(Exit.isFailure(exit) && exit.cause._tag === 'Fail' && exit.cause.error._tag).toBe('NotFound')
  })

  it('sits out a secondary rate limit with Retry-After, then finishes with the same events', async () => {
    let limited = false
    server.use(
      http.get(`${API}/repos/acme/payments/issues/87/timeline`, () => {
        if (limited) return undefined
        limited = true
        return HttpResponse.json(fixture('errors/403-secondary-rate-limit.json') as object, {
          status: 403,
          headers: { 'retry-after': '1' },
        })
      }),
      ...storyHandlers(),
    )
    const { events } = await Effect.runPromise(sync(githubAdapter, config))
    expect(limited).toBe(true)
    expect(life(events)).toHaveLength(PR_87_LIFE.length)
  })

  it('retries a 502 and goes on', async () => {
    let failed = false
    server.use(
      http.get(`${API}/repos/acme/payments/deployments`, () => {
        if (failed) return undefined
        failed = true
        return new HttpResponse('Bad Gateway', { status: 502 })
      }),
      ...storyHandlers(),
    )
    const { events } = await Effect.runPromise(sync(githubAdapter, config))
    expect(failed).toBe(true)
    expect(events.some((event) => event.stage === 'deploy')).toBe(true)
  })

  it('a malformed pull request names the endpoint and the JSON path', async () => {
    const [first] = fixture('pulls-list-page1.json') as Array<Record<string, unknown>>
    server.use(
      http.get(`${API}/repos/acme/payments/pulls`, () =>
        HttpResponse.json([{ ...first, head: { ref: 'x' } }]),
      ),
    )
    const exit = await Effect.runPromiseExit(sync(githubAdapter, config))
    const error = Exit.isFailure(exit) && exit.cause._tag === 'Fail' ? exit.cause.error : undefined
    expect(error).toMatchObject({
      _tag: 'MalformedPayload',
      path: 'GET /repos/acme/payments/pulls $[0].head.sha',
    })
  })

  it('a config without repositories names the field', async () => {
    const exit = await Effect.runPromiseExit(sync(githubAdapter, { repositories: [] }))
    const error = Exit.isFailure(exit) && exit.cause._tag === 'Fail' ? exit.cause.error : undefined
    expect(error).toMatchObject({ _tag: 'ConfigInvalid', field: 'repositories[0]' })
  })
})
