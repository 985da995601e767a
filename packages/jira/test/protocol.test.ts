import { rateLimitWait } from '@herbie/core'
import { failureOf } from '@herbie/testkit'
import { HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { BASIC, CLOUD, cloudIssues, DC, dcIssues, fakeJira, fixture, fixtureText } from './fakeJira.js'
import { cloudConfig, dcConfig, lines, sync } from './support.js'

type Json = Record<string, unknown>
const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const SEARCH = `${CLOUD}/rest/api/3/search/jql`
const unauthorized = () =>
  new HttpResponse(fixtureText('errors/401.json'), {
    status: 401,
    headers: { 'content-type': 'application/json;charset=UTF-8' },
  })

describe('auth', () => {
  it('a 401 says which credentials Jira refused: Cloud email and API token, Data Center personal access token, or none', async () => {
    server.use(http.get(`${CLOUD}/*`, unauthorized), http.get(`${DC}/*`, unauthorized))
    const cloud = failureOf((await sync(cloudConfig())).exit)
    expect(cloud).toMatchObject({ _tag: 'AuthFailed', status: 401, url: `${CLOUD}/rest/api/3/status` })
    expect((cloud as Error).message).toBe(
      'jira: authentication failed (401) for https://acme.atlassian.net/rest/api/3/status: Jira refused the email and API token: check JIRA_EMAIL and JIRA_TOKEN (an API token made at https://id.atlassian.com/manage-profile/security/api-tokens for that account) (Jira said: Client must be authenticated to access this resource.)',
    )
    const dc = failureOf((await sync(dcConfig())).exit) as Error
    expect(dc.message).toContain(
      ': Jira refused the personal access token: check JIRA_TOKEN (a Data Center personal access token',
    )
    const anonymous = failureOf((await sync(dcConfig({ token: undefined }))).exit) as Error
    expect(anonymous.message).toContain(
      ': Jira wants credentials: set JIRA_EMAIL and JIRA_TOKEN (Jira Cloud) or JIRA_TOKEN alone (a Data Center personal access token)',
    )
  })

  it('a 401 Cloud answers in text/html still says what Jira said; the token never shows', async () => {
    server.use(
      http.get(
        `${CLOUD}/*`,
        () =>
          new HttpResponse('Client must be authenticated to access this resource.', {
            status: 401,
            headers: { 'content-type': 'text/html;charset=UTF-8' },
          }),
      ),
    )
    const error = failureOf((await sync(cloudConfig())).exit) as Error
    expect(error.message).toMatch(/\(Jira said: Client must be authenticated to access this resource\.\)$/)
    expect(error.message).not.toContain('ATATT3x')
  })

  it('a 403 names the missing permission, or the CAPTCHA Jira asks for after failed logins', async () => {
    server.use(
      http.get(`${CLOUD}/*`, () =>
        HttpResponse.json(
          { errorMessages: ['You do not have the permission to see the specified issue.'], errors: {} },
          { status: 403 },
        ),
      ),
    )
    expect((failureOf((await sync(cloudConfig())).exit) as Error).message).toMatch(
      /: the dana-k@acme\.example user lacks a permission for this \(Browse projects on the projects of the JQL\) \(Jira said: You do not have the permission to see the specified issue\.\)$/,
    )
    server.resetHandlers()
    server.use(
      http.get(
        `${DC}/*`,
        () =>
          new HttpResponse('', {
            status: 403,
            headers: {
              'x-seraph-loginreason': 'AUTHENTICATION_DENIED',
              'x-authentication-denied-reason': 'CAPTCHA_CHALLENGE',
            },
          }),
      ),
    )
    expect((failureOf((await sync(dcConfig())).exit) as Error).message).toContain(
      'Jira asks for a CAPTCHA after failed logins (X-Seraph-LoginReason: AUTHENTICATION_DENIED)',
    )
  })
})

describe('rate limits and server errors', () => {
  it('a 429 with Retry-After is sat out, then the sync goes on to the same events', async () => {
    const headers = fixture<Json>('errors/429.json')
    let limited = 0
    server.use(
      http.get(SEARCH, () => {
        if (limited++ > 0) return undefined
        return HttpResponse.json(headers, {
          status: 429,
          headers: {
            'retry-after': '1',
            'x-ratelimit-reset': '2026-03-05T14:36Z',
            'ratelimit-reason': 'jira-burst-based',
            'x-ratelimit-limit': '350',
            'x-ratelimit-remaining': '0',
          },
        })
      }),
      ...fakeJira({ platform: 'cloud', issues: cloudIssues() }).handlers,
    )
    const started = Date.now()
    const { events, exit } = await sync(cloudConfig())
    expect(exit._tag).toBe('Success')
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000)
    expect(events).toHaveLength(13)
    expect(limited).toBe(2)
  })

  it("Jira Cloud's X-RateLimit-Reset (ISO 8601 to the minute, no seconds) says how long to wait when Retry-After is missing", () => {
    const now = Date.parse('2026-03-05T14:35:43Z')
    expect(rateLimitWait(429, new Headers({ 'x-ratelimit-reset': '2026-03-05T14:36Z' }), now)).toBe(17_000)
    expect(
      rateLimitWait(429, new Headers({ 'retry-after': '17', 'x-ratelimit-reset': '2026-03-05T14:40Z' }), now),
    ).toBe(17_000)
  })

  it('a 503 then a success is retried and the sync goes on', async () => {
    let failed = 0
    server.use(
      http.get(SEARCH, () =>
        failed++ < 2
          ? HttpResponse.json({ errorMessages: ['Service Unavailable'] }, { status: 503 })
          : undefined,
      ),
      ...fakeJira({ platform: 'cloud', issues: cloudIssues() }).handlers,
    )
    const { events, exit } = await sync(cloudConfig())
    expect(exit._tag).toBe('Success')
    expect(failed).toBe(3)
    expect(events).toHaveLength(13)
  }, 20_000)

  it('a 404 on the search (no such site or path) stops the sync', async () => {
    server.use(
      http.get(SEARCH, () => new HttpResponse('<html>Not Found</html>', { status: 404 })),
      ...fakeJira({ platform: 'cloud', issues: cloudIssues() }).handlers,
    )
    expect(failureOf((await sync(cloudConfig())).exit)).toMatchObject({ _tag: 'NotFound' })
  })
})

describe('bad answers', () => {
  it('a malformed page names the endpoint and the field', async () => {
    const issues = cloudIssues()
    const broken = { ...issues[0]!, fields: { ...(issues[0]!.fields as Json), created: 'yesterday' } }
    server.use(...fakeJira({ platform: 'cloud', issues: [broken, ...issues.slice(1)] }).handlers)
    const error = failureOf((await sync(cloudConfig())).exit)
    expect(error).toMatchObject({
      _tag: 'MalformedPayload',
      path: 'GET rest/api/3/search/jql $.issues[0].fields.created',
      reason: 'not a Jira timestamp: "yesterday"',
    })
    server.resetHandlers()
    const dc = dcIssues()
    const noStatus = { ...dc[0]!, fields: { ...(dc[0]!.fields as Json), status: undefined } }
    server.use(...fakeJira({ platform: 'datacenter', issues: [noStatus, ...dc.slice(1)] }).handlers)
    expect(failureOf((await sync(dcConfig())).exit)).toMatchObject({
      _tag: 'MalformedPayload',
      path: 'GET rest/api/2/search $.issues[0].fields.status',
      reason: 'is missing',
    })
  })

  it("a JQL Jira refuses (400) fails on the jql option, in Jira's words", async () => {
    server.use(
      http.get(SEARCH, () => HttpResponse.json(fixture('errors/400-jql.json'), { status: 400 })),
      ...fakeJira({ platform: 'cloud', issues: cloudIssues() }).handlers,
    )
    const error = failureOf((await sync(cloudConfig({ jql: 'sprintt = 12' }))).exit) as Error
    expect(error).toMatchObject({ _tag: 'ConfigInvalid', field: 'jql' })
    expect(error.message).toBe(
      "jira: invalid config at jql: Jira refused the query: Field 'sprintt' does not exist or you do not have permission to view it.",
    )
  })

  it('an email without a token, or a since that is no instant, is refused, naming the option', () => {
    expect(() => cloudConfig({ token: undefined })).toThrow(/token.*email needs a token: set JIRA_TOKEN/s)
    expect(() => cloudConfig({ since: 'yesterday' })).toThrow(
      'jira: invalid config at since: since is an ISO-8601 instant: 2026-03-01T00:00:00Z',
    )
  })

  it('a basic auth header is sent to Cloud', async () => {
    const fake = fakeJira({ platform: 'cloud', issues: cloudIssues(), authorization: BASIC })
    server.use(...fake.handlers)
    expect(lines((await sync(cloudConfig())).events)).toHaveLength(13)
  })
})
