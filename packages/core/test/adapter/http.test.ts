import { Effect, Exit, Redacted, Stream } from 'effect'
import { delay, HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  FetchTransport,
  getJson,
  type HttpNotice,
  type HttpSettings,
  nextLink,
  paginate,
} from '../../src/index.js'

const BASE = 'https://api.example.test'
const TOKEN = 'ghp_secretTOKEN1234567890'
const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const settings = (extra: Partial<HttpSettings> = {}): HttpSettings & { notices: HttpNotice[] } => {
  const notices: HttpNotice[] = []
  return {
    source: 'example',
    baseUrl: BASE,
    auth: { token: Redacted.make(TOKEN) },
    retries: 3,
    backoffMs: 1,
    onNotice: (notice) => notices.push(notice),
    notices,
    ...extra,
  }
}

const run = <A, E>(effect: Effect.Effect<A, E, import('../../src/index.js').HttpTransport>) =>
  Effect.runPromiseExit(effect.pipe(Effect.provide(FetchTransport)))

const failure = <A, E>(exit: Exit.Exit<A, E>): E => {
  if (Exit.isSuccess(exit) || exit.cause._tag !== 'Fail')
    throw new Error(`expected a failure, got ${JSON.stringify(exit)}`)
  return exit.cause.error
}

describe('getJson', () => {
  it('sends the token as a bearer header and parses the body', async () => {
    let seen = ''
    server.use(
      http.get(`${BASE}/repos/acme/api`, ({ request }) => {
        seen = request.headers.get('authorization') ?? ''
        return HttpResponse.json({ id: 7 })
      }),
    )
    const exit = await run(getJson(settings(), '/repos/acme/api'))
    expect(Exit.isSuccess(exit) && exit.value.body).toEqual({ id: 7 })
    expect(seen).toBe(`Bearer ${TOKEN}`)
  })

  it('a 401 is AuthFailed, and the token never appears in the error', async () => {
    server.use(
      http.get(`${BASE}/user`, () =>
        HttpResponse.json({ message: `Bad credentials ${TOKEN}` }, { status: 401 }),
      ),
    )
    const error = failure(await run(getJson(settings(), '/user', { private_token: TOKEN })))
    expect(error._tag).toBe('AuthFailed')
    expect(error.message).toContain('bad credentials')
    expect(error.message).not.toContain(TOKEN)
    expect(JSON.stringify(error)).not.toContain(TOKEN)
  })

  it('a 403 that is not a rate limit names the missing scope', async () => {
    server.use(
      http.get(`${BASE}/repos/acme/api/actions/runs`, () =>
        HttpResponse.json(
          { message: 'Resource not accessible' },
          { status: 403, headers: { 'x-accepted-oauth-scopes': 'repo', 'x-oauth-scopes': 'read:org' } },
        ),
      ),
    )
    const error = failure(await run(getJson(settings(), '/repos/acme/api/actions/runs')))
    expect(error).toMatchObject({
      _tag: 'AuthFailed',
      status: 403,
      reason: 'the token lacks a scope: this needs repo; the token has read:org',
    })
  })

  it("a 401 or 403 is worded by the settings' describeRefusal from its headers and body, redacted", async () => {
    server.use(
      http.get(`${BASE}/me`, () =>
        HttpResponse.text(`<title>Invalid token ${TOKEN}</title>`, {
          status: 403,
          headers: { 'x-you-are-authenticated-as': 'anonymous' },
        }),
      ),
    )
    const describeRefusal = ({ status, headers, body }: { status: number; headers: Headers; body: string }) =>
      `${status} as ${headers.get('x-you-are-authenticated-as')}: ${body}`
    const error = failure(await run(getJson(settings({ describeRefusal }), '/me')))
    expect(error).toMatchObject({
      _tag: 'AuthFailed',
      status: 403,
      reason: '403 as anonymous: <title>Invalid token [redacted]</title>',
    })
  })

  it("a 403 insufficient_scope names the scopes the server asks for (GitLab's OAuth answer)", async () => {
    server.use(
      http.get(`${BASE}/projects/4821/merge_requests`, () =>
        HttpResponse.json(
          {
            error: 'insufficient_scope',
            error_description: 'The request requires higher privileges than provided by the access token.',
            scope: 'api read_api',
          },
          {
            status: 403,
            headers: {
              'www-authenticate':
                'Bearer realm="Protected by OAuth 2.0", error="insufficient_scope", error_description="The request requires higher privileges than provided by the access token.", scope="api read_api"',
            },
          },
        ),
      ),
      http.get(`${BASE}/projects/4821/pipelines`, () =>
        HttpResponse.json({ error: 'insufficient_scope', scope: 'read_api' }, { status: 403 }),
      ),
    )
    expect(failure(await run(getJson(settings(), '/projects/4821/merge_requests')))).toMatchObject({
      _tag: 'AuthFailed',
      status: 403,
      reason: 'the token lacks a scope (insufficient_scope): this needs api or read_api',
    })
    expect(failure(await run(getJson(settings(), '/projects/4821/pipelines')))).toMatchObject({
      reason: 'the token lacks a scope (insufficient_scope): this needs read_api',
    })
  })

  it('a 404 is NotFound', async () => {
    server.use(
      http.get(`${BASE}/repos/acme/nope`, () => HttpResponse.json({ message: 'Not Found' }, { status: 404 })),
    )
    expect(failure(await run(getJson(settings(), '/repos/acme/nope')))).toMatchObject({
      _tag: 'NotFound',
      url: `${BASE}/repos/acme/nope`,
    })
  })

  it('retries 5xx with backoff, then succeeds', async () => {
    let calls = 0
    server.use(
      http.get(`${BASE}/flaky`, () => {
        calls++
        return calls < 3
          ? HttpResponse.json({ message: 'oops' }, { status: calls === 1 ? 500 : 502 })
          : HttpResponse.json([1])
      }),
    )
    const s = settings()
    const exit = await run(getJson(s, '/flaky'))
    expect(Exit.isSuccess(exit)).toBe(true)
    expect(calls).toBe(3)
    expect(s.notices.map((notice) => notice.kind)).toEqual(['retry', 'retry'])
  })

  it('gives up on a lasting 5xx with Transient after the retries', async () => {
    let calls = 0
    server.use(
      http.get(`${BASE}/down`, () => {
        calls++
        return new HttpResponse('bad gateway', { status: 503 })
      }),
    )
    const error = failure(await run(getJson(settings({ retries: 2 }), '/down')))
    expect(error).toMatchObject({ _tag: 'Transient', reason: 'server error 503: bad gateway' })
    expect(calls).toBe(3)
  })

  it('never retries a 4xx that is not a rate limit', async () => {
    let calls = 0
    server.use(
      http.get(`${BASE}/bad`, () => {
        calls++
        return HttpResponse.json({ message: 'Validation Failed' }, { status: 422 })
      }),
    )
    expect(failure(await run(getJson(settings(), '/bad')))).toMatchObject({
      _tag: 'RequestRejected',
      status: 422,
      reason: 'Validation Failed',
    })
    expect(calls).toBe(1)
  })

  it('retries network errors', async () => {
    let calls = 0
    server.use(
      http.get(`${BASE}/net`, () => {
        calls++
        return calls === 1 ? HttpResponse.error() : HttpResponse.json({ ok: true })
      }),
    )
    expect(Exit.isSuccess(await run(getJson(settings(), '/net')))).toBe(true)
    expect(calls).toBe(2)
  })

  it('times out a request that does not answer, as a transient failure', async () => {
    server.use(
      http.get(`${BASE}/slow`, async () => {
        await delay('infinite')
        return HttpResponse.json({})
      }),
    )
    const error = failure(await run(getJson(settings({ timeoutMs: 50, retries: 1 }), '/slow')))
    expect(error).toMatchObject({ _tag: 'Transient', reason: 'timed out after 0.05 s' })
  })

  it('a body that is not JSON is a MalformedPayload', async () => {
    server.use(http.get(`${BASE}/html`, () => new HttpResponse('<html>proxy login</html>', { status: 200 })))
    const error = failure(await run(getJson(settings(), '/html')))
    expect(error._tag).toBe('MalformedPayload')
    expect(error.message).toMatch(/^example: malformed payload at \(root\): response is not JSON/)
  })

  it('sits out a 429 with Retry-After, says so, then goes on', async () => {
    let calls = 0
    server.use(
      http.get(`${BASE}/limited`, () => {
        calls++
        return calls === 1
          ? HttpResponse.json({ message: 'slow down' }, { status: 429, headers: { 'retry-after': '1' } })
          : HttpResponse.json({ ok: 1 })
      }),
    )
    const s = settings()
    const started = Date.now()
    expect(Exit.isSuccess(await run(getJson(s, '/limited')))).toBe(true)
    expect(Date.now() - started).toBeGreaterThanOrEqual(950)
    expect(s.notices).toEqual([expect.objectContaining({ kind: 'rate-limit-wait', waitMs: 1000 })])
  })

  it("sits out GitHub's secondary limit (403 with retry-after) and primary limit (remaining 0, reset)", async () => {
    let calls = 0
    server.use(
      http.get(`${BASE}/gh`, () => {
        calls++
        if (calls === 1)
          return HttpResponse.json(
            { message: 'secondary rate limit' },
            { status: 403, headers: { 'retry-after': '0' } },
          )
        if (calls === 2) {
          const reset = String(Math.ceil(Date.now() / 1000) + 1)
          return HttpResponse.json(
            { message: 'API rate limit exceeded' },
            { status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset } },
          )
        }
        return HttpResponse.json({ ok: 1 })
      }),
    )
    const s = settings()
    expect(Exit.isSuccess(await run(getJson(s, '/gh')))).toBe(true)
    expect(calls).toBe(3)
    expect(s.notices.filter((notice) => notice.kind === 'rate-limit-wait')).toHaveLength(2)
  })

  it('fails with RateLimited and the reset time when the wait is longer than allowed', async () => {
    const reset = Math.ceil(Date.now() / 1000) + 3600
    server.use(
      http.get(`${BASE}/hour`, () =>
        HttpResponse.json(
          {},
          { status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) } },
        ),
      ),
    )
    const error = failure(await run(getJson(settings({ maxRateLimitWaitMs: 60_000 }), '/hour')))
    expect(error._tag).toBe('RateLimited')
    expect(error._tag === 'RateLimited' && Math.round(error.resetAt.getTime() / 1000)).toBe(reset)
  })
})

describe('paginate', () => {
  const pages = (count: number, next: (page: number) => Record<string, string>) =>
    http.get(`${BASE}/items`, ({ request }) => {
      const page = Number(new URL(request.url).searchParams.get('page') ?? '1')
      return HttpResponse.json([`item-${page}a`, `item-${page}b`], {
        headers: page < count ? next(page) : {},
      })
    })
  const collect = (
    stream: Stream.Stream<
      import('../../src/index.js').JsonResponse,
      unknown,
      import('../../src/index.js').HttpTransport
    >,
  ) =>
    Effect.runPromise(
      stream.pipe(
        Stream.flatMap((page) => Stream.fromIterable(page.body as string[])),
        Stream.runCollect,
        Effect.provide(FetchTransport),
      ),
    ).then((chunk) => [...chunk])

  it('follows Link rel="next" over three pages', async () => {
    server.use(
      pages(3, (page) => ({
        link: `<${BASE}/items?page=${page + 1}&per_page=2>; rel="next", <${BASE}/items?page=3>; rel="last"`,
      })),
    )
    expect(await collect(paginate(settings(), '/items', { per_page: '2' }, { kind: 'link' }))).toEqual([
      'item-1a',
      'item-1b',
      'item-2a',
      'item-2b',
      'item-3a',
      'item-3b',
    ])
  })

  it("follows GitLab's X-Next-Page", async () => {
    server.use(pages(3, (page) => ({ 'x-next-page': String(page + 1) })))
    expect(await collect(paginate(settings(), '/items', {}, { kind: 'next-page-header' }))).toHaveLength(6)
  })

  it('follows a cursor token in the body', async () => {
    server.use(
      http.get(`${BASE}/search`, ({ request }) => {
        const token = new URL(request.url).searchParams.get('nextPageToken')
        const next = token === null ? 't1' : token === 't1' ? 't2' : undefined
        return HttpResponse.json({
          issues: [token ?? 'first'],
          ...(next === undefined ? {} : { nextPageToken: next }),
        })
      }),
    )
    const stream = paginate(
      settings(),
      '/search',
      {},
      {
        kind: 'cursor',
        param: 'nextPageToken',
        next: (body) => (body as { nextPageToken?: string }).nextPageToken,
      },
    )
    const bodies = await Effect.runPromise(
      stream.pipe(
        Stream.map((page) => (page.body as { issues: string[] }).issues[0]),
        Stream.runCollect,
        Effect.provide(FetchTransport),
      ),
    )
    expect([...bodies]).toEqual(['first', 't1', 't2'])
  })

  it('follows a full next-page URL in the body', async () => {
    server.use(
      http.get(`${BASE}/values`, ({ request }) => {
        const page = Number(new URL(request.url).searchParams.get('page') ?? '1')
        return HttpResponse.json({
          values: [page],
          ...(page < 3 ? { next: `${BASE}/values?page=${page + 1}` } : {}),
        })
      }),
    )
    const stream = paginate(
      settings(),
      '/values',
      {},
      { kind: 'body-url', next: (body) => (body as { next?: string }).next },
    )
    const values = await Effect.runPromise(
      stream.pipe(
        Stream.flatMap((page) => Stream.fromIterable((page.body as { values: number[] }).values)),
        Stream.runCollect,
        Effect.provide(FetchTransport),
      ),
    )
    expect([...values]).toEqual([1, 2, 3])
  })

  it('walks startAt offsets until a short page', async () => {
    server.use(
      http.get(`${BASE}/offset`, ({ request }) => {
        const startAt = Number(new URL(request.url).searchParams.get('startAt') ?? '0')
        const values = Array.from({ length: Math.max(0, Math.min(2, 5 - startAt)) }, (_, i) => startAt + i)
        return HttpResponse.json({ startAt, values, total: 5 })
      }),
    )
    const stream = paginate(
      settings(),
      '/offset',
      { maxResults: '2' },
      {
        kind: 'offset',
        param: 'startAt',
        pageSize: 2,
        count: (body) => (body as { values: number[] }).values.length,
      },
    )
    const values = await Effect.runPromise(
      stream.pipe(
        Stream.flatMap((page) => Stream.fromIterable((page.body as { values: number[] }).values)),
        Stream.runCollect,
        Effect.provide(FetchTransport),
      ),
    )
    expect([...values]).toEqual([0, 1, 2, 3, 4])
  })

  it('walks startAt offsets by what the body says when the server returns fewer items than asked', async () => {
    server.use(
      http.get(`${BASE}/capped`, ({ request }) => {
        const startAt = Number(new URL(request.url).searchParams.get('startAt') ?? '0')
        // asked for 5 a page, the server caps at 2 (Jira Data Center lowers maxResults)
        const values = Array.from({ length: Math.max(0, Math.min(2, 5 - startAt)) }, (_, i) => startAt + i)
        return HttpResponse.json({ startAt, maxResults: 2, values, total: 5 })
      }),
    )
    const body = (page: unknown) => page as { startAt: number; values: number[]; total: number }
    const stream = paginate(
      settings(),
      '/capped',
      { maxResults: '5' },
      {
        kind: 'offset',
        param: 'startAt',
        pageSize: 5,
        count: (page) => body(page).values.length,
        isLast: (page) => body(page).startAt + body(page).values.length >= body(page).total,
      },
    )
    const values = await Effect.runPromise(
      stream.pipe(
        Stream.flatMap((page) => Stream.fromIterable(body(page.body).values)),
        Stream.runCollect,
        Effect.provide(FetchTransport),
      ),
    )
    expect([...values]).toEqual([0, 1, 2, 3, 4])
  })

  it('resumes paging after a 429 in the middle with no page repeated or lost', async () => {
    let limited = false
    server.use(
      http.get(`${BASE}/items`, ({ request }) => {
        const page = Number(new URL(request.url).searchParams.get('page') ?? '1')
        if (page === 2 && !limited) {
          limited = true
          return HttpResponse.json({}, { status: 429, headers: { 'retry-after': '0' } })
        }
        return HttpResponse.json([`item-${page}`], {
          headers: page < 3 ? { link: `<${BASE}/items?page=${page + 1}>; rel="next"` } : {},
        })
      }),
    )
    expect(await collect(paginate(settings(), '/items', {}, { kind: 'link' }))).toEqual([
      'item-1',
      'item-2',
      'item-3',
    ])
  })

  it('parses Link headers with several relations', () => {
    expect(nextLink('<https://x/a?page=1>; rel="prev", <https://x/a?page=3>; rel="next"')).toBe(
      'https://x/a?page=3',
    )
    expect(nextLink('<https://x/a?page=9>; rel="last"')).toBeUndefined()
    expect(nextLink(null)).toBeUndefined()
  })
})
