import { memoryCheckpointStore } from '@herbie/core'
import { Effect, Exit } from 'effect'
import { HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { gitlabAdapter } from '../src/index.js'
import { fakeProject, fixture, storyProject } from './fakeGitlab.js'
import { API, projectHandlers, sync, TOKEN } from './support.js'

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const config = { projects: ['acme/ledger'], token: TOKEN, baseUrl: 'https://gitlab.example.com' }
const failure = (exit: Exit.Exit<unknown, unknown>) =>
  Exit.isFailure(exit) && exit.cause._tag === 'Fail' ? exit.cause.error : undefined

const openMergeRequest = (iid: number) => ({
  ...(fixture<Record<string, unknown>[]>('merge-requests-page1.json')[0] as object),
  id: 90_000 + iid,
  iid,
  title: `Change ${iid}`,
  description: null,
  draft: false,
  created_at: `2026-03-0${iid}T09:00:00.000Z`,
  updated_at: `2026-03-0${iid}T09:00:00.000Z`,
  source_branch: `change-${iid}`,
  sha: String(iid).repeat(40).slice(0, 40),
})

describe('pagination', () => {
  it('follows X-Next-Page over three pages of merge requests (offset pagination)', async () => {
    const project = fakeProject(4821, 'acme/ledger', { mergeRequests: [1, 2, 3, 4, 5].map(openMergeRequest) })
    server.use(...projectHandlers([project]))
    const { events } = await Effect.runPromise(sync(gitlabAdapter, { ...config, perPage: 2 }))
    expect(new Set(events.map((event) => event.itemId))).toEqual(
      new Set([1, 2, 3, 4, 5].map((iid) => `gitlab:acme/ledger!${iid}`)),
    )
    expect(
      project.requests.filter((request) => request.startsWith('/projects/4821/merge_requests?')),
    ).toEqual([
      '/projects/4821/merge_requests?per_page=2&state=all&order_by=updated_at&sort=asc',
      '/projects/4821/merge_requests?per_page=2&state=all&order_by=updated_at&sort=asc&page=2',
      '/projects/4821/merge_requests?per_page=2&state=all&order_by=updated_at&sort=asc&page=3',
    ])
  })

  it("follows a group's keyset Link pages (three) and syncs every project of it and its subgroups", async () => {
    const projects = [11, 12, 13, 14, 15].map((id) =>
      fakeProject(id, `acme/team-${id % 2 === 0 ? 'a' : 'b'}/svc-${id}`, {
        mergeRequests: [openMergeRequest(id - 10)],
      }),
    )
    const pages: string[] = []
    server.use(
      http.get(`${API}/groups/:group/projects`, ({ request }) => {
        pages.push(new URL(request.url).search)
        return undefined
      }),
      ...projectHandlers(projects, { acme: [11, 12, 13, 14, 15] }),
    )
    const { events } = await Effect.runPromise(
      sync(gitlabAdapter, {
        groups: ['acme'],
        token: TOKEN,
        baseUrl: 'https://gitlab.example.com',
        perPage: 2,
      }),
    )
    expect(pages).toHaveLength(3)
    expect(pages[0]).toBe(
      '?include_subgroups=true&pagination=keyset&order_by=id&sort=asc&simple=true&per_page=2',
    )
    expect(pages.slice(1).map((search) => new URLSearchParams(search).get('id_after'))).toEqual(['12', '14'])
    expect([...new Set(events.map((event) => event.itemId))].sort()).toEqual([
      'gitlab:acme/team-a/svc-12!2',
      'gitlab:acme/team-a/svc-14!4',
      'gitlab:acme/team-b/svc-11!1',
      'gitlab:acme/team-b/svc-13!3',
      'gitlab:acme/team-b/svc-15!5',
    ])
  })
})

describe('rate limits, retries and credentials', () => {
  it("sits out GitLab's 429 (plain-text body, Retry-After and RateLimit-* headers), then goes on to the same events", async () => {
    server.use(...projectHandlers([storyProject()]))
    const clean = await Effect.runPromise(sync(gitlabAdapter, config))
    let limited = 0
    server.use(
      http.get(`${API}/projects/4821/merge_requests`, () => {
        if (limited++ > 0) return undefined
        return new HttpResponse('Retry later\n', {
          status: 429,
          headers: {
            'content-type': 'text/plain',
            'retry-after': '1',
            'ratelimit-limit': '600',
            'ratelimit-observed': '601',
            'ratelimit-remaining': '0',
            'ratelimit-reset': String(Math.ceil(Date.now() / 1000) + 1),
          },
        })
      }),
    )
    const again = await Effect.runPromise(sync(gitlabAdapter, config))
    expect(limited).toBe(2)
    expect(again.events).toEqual(clean.events)
  })

  it('a 5xx is retried, then the sync succeeds with the same events', async () => {
    server.use(...projectHandlers([storyProject()]))
    const clean = await Effect.runPromise(sync(gitlabAdapter, config))
    let failed = 0
    server.use(
      http.get(`${API}/projects/4821/pipelines`, () =>
        failed++ < 2 ? HttpResponse.json({ message: '502 Bad Gateway' }, { status: 502 }) : undefined,
      ),
    )
    const again = await Effect.runPromise(sync(gitlabAdapter, config))
    expect(failed).toBe(3)
    expect(again.events).toEqual(clean.events)
  })

  it('sends the token as PRIVATE-TOKEN, or as Authorization: Bearer with auth "bearer" (OAuth)', async () => {
    const seen: Array<[string | null, string | null]> = []
    server.use(
      http.get(`${API}/*`, ({ request }) => {
        seen.push([request.headers.get('private-token'), request.headers.get('authorization')])
        return undefined
      }),
      ...projectHandlers([storyProject()]),
    )
    await Effect.runPromise(sync(gitlabAdapter, config))
    await Effect.runPromise(sync(gitlabAdapter, { ...config, token: 'oauth-token-1', auth: 'bearer' }))
    expect(new Set(seen.map((pair) => JSON.stringify(pair)))).toEqual(
      new Set([JSON.stringify([TOKEN, null]), JSON.stringify([null, 'Bearer oauth-token-1'])]),
    )
  })

  it('a 401 fails with AuthFailed naming the URL, never the token', async () => {
    server.use(
      http.get(`${API}/*`, () => HttpResponse.json(fixture('errors/401.json') as object, { status: 401 })),
    )
    const error = failure(await Effect.runPromiseExit(sync(gitlabAdapter, config)))
    expect(error).toMatchObject({
      _tag: 'AuthFailed',
      status: 401,
      url: `${API}/projects/acme%2Fledger`,
      reason: 'bad credentials (401 Unauthorized)',
    })
    expect(JSON.stringify(error)).not.toContain(TOKEN)
  })

  it('a 403 insufficient_scope (a token without read_api) says the token needs the read_api scope', async () => {
    server.use(
      http.get(`${API}/*`, () =>
        HttpResponse.json(fixture('errors/403-insufficient-scope.json') as object, {
          status: 403,
          headers: {
            'www-authenticate':
              'Bearer realm="Protected by OAuth 2.0", error="insufficient_scope", error_description="The request requires higher privileges than provided by the access token.", scope="api read_api"',
          },
        }),
      ),
    )
    const error = failure(await Effect.runPromiseExit(sync(gitlabAdapter, config)))
    expect(error).toMatchObject({ _tag: 'AuthFailed', status: 403 })
    expect((error as Error).message).toBe(
      `gitlab: authentication failed (403) for ${API}/projects/acme%2Fledger: the token needs the read_api scope (or api): give the personal, project or group access token read_api`,
    )
  })

  it('a malformed body names the endpoint and the field (pipeline 30560, second by updated_at)', async () => {
    const project = storyProject()
    project.pipelines[0] = { ...project.pipelines[0], created_at: 1_773_140_741 }
    server.use(...projectHandlers([project]))
    const error = failure(await Effect.runPromiseExit(sync(gitlabAdapter, config)))
    expect(error).toMatchObject({
      _tag: 'MalformedPayload',
      source: 'gitlab',
      path: 'GET /projects/4821/pipelines $[1].created_at',
      reason: 'Expected string, actual 1773140741',
    })
  })
})

describe('what could not be joined, and the next sync', () => {
  it('a pipeline whose commit is gone (404) stays on its bare commit item; a deleted pipeline (404 on its jobs) is skipped; both are counted', async () => {
    const project = storyProject()
    project.pipelines.push({
      ...project.pipelines[0]!,
      id: 30570,
      sha: 'ee'.repeat(20),
      updated_at: '2026-03-11T09:00:00.000Z',
    })
    project.jobs[30570] = project.jobs[30560]!
    project.gone.commits.add('ee'.repeat(20))
    project.pipelines.push({ ...project.pipelines[0]!, id: 30571, updated_at: '2026-03-11T10:00:00.000Z' })
    project.gone.pipelines.add(30571)
    server.use(...projectHandlers([project]))
    const { events, summary } = await Effect.runPromise(sync(gitlabAdapter, config))
    expect(summary.unjoined).toEqual([
      { reason: 'commit gone (404)', count: 1 },
      { reason: 'pipeline deleted (404)', count: 1 },
    ])
    expect(
      events
        .filter((event) => event.itemId === `gitlab:acme/ledger@${'ee'.repeat(20)}`)
        .map((event) => event.id),
    ).toEqual([
      `gitlab:acme/ledger@${'ee'.repeat(20)}:pipeline:30570:1:enter`,
      `gitlab:acme/ledger@${'ee'.repeat(20)}:pipeline:30570:1:exit`,
    ])
  })

  it('a second sync right after the first makes four requests (the project, and merge requests, pipelines and deployments updated since) and writes nothing', async () => {
    const project = storyProject()
    server.use(...projectHandlers([project]))
    const store = memoryCheckpointStore()
    await Effect.runPromise(sync(gitlabAdapter, config, store))
    const before = project.requests.length
    const second = await Effect.runPromise(sync(gitlabAdapter, config, store))
    expect(second.events).toEqual([])
    const requests = project.requests.slice(before)
    expect(requests.map((request) => request.split('?')[0])).toEqual([
      '/projects/acme%2Fledger',
      '/projects/4821/merge_requests',
      '/projects/4821/pipelines',
      '/projects/4821/deployments',
    ])
    expect(
      requests.slice(1).every((request) => new URLSearchParams(request.split('?')[1]).has('updated_after')),
    ).toBe(true)
  })
})
