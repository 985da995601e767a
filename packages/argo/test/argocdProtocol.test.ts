import { backfillOnce, failureOf } from '@herbie/testkit'
import { HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { argocdAdapter } from '../src/index.js'
import { type App, BASE, fakeArgocd, storyApps, storyConfig, TOKEN } from './fakeArgocd.js'
import { fixture } from './fixtures.js'
import { configOf } from './support.js'

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const config = storyConfig

describe('the Argo CD protocol', () => {
  it('sends the token as a bearer token and lists with the projects and selector options', async () => {
    const seen: Array<{ url: string; authorization: string | null }> = []
    server.use(
      http.get(`${BASE}/api/v1/applications`, ({ request }) => {
        seen.push({ url: request.url, authorization: request.headers.get('authorization') })
        return HttpResponse.json({ metadata: {}, items: null })
      }),
    )
    const { events, exit } = await backfillOnce(
      argocdAdapter,
      config({ projects: ['default', 'payments'], selector: 'team=payments' }),
    )
    expect(exit._tag).toBe('Success')
    expect(events).toEqual([])
    expect(seen).toEqual([
      {
        url: `${BASE}/api/v1/applications?projects=default&projects=payments&selector=team%3Dpayments`,
        authorization: `Bearer ${TOKEN}`,
      },
    ])
  })

  it('a 401 (gRPC code 16) says the token was refused, with Argo CD’s words and the variable to set', async () => {
    server.use(...fakeArgocd().handlers)
    const { exit } = await backfillOnce(argocdAdapter, config({ token: 'an-old-token-9c2f' }))
    expect(failureOf(exit)).toMatchObject({
      _tag: 'AuthFailed',
      status: 401,
      reason:
        'Argo CD refused the token (invalid session: token has invalid claims: token is expired): it may have expired or been revoked; make a new one and set ARGOCD_TOKEN',
    })
  })

  it('a 401 without a token asks for one', async () => {
    server.use(...fakeArgocd().handlers)
    const raw = { baseUrl: BASE }
    const { exit } = await backfillOnce(argocdAdapter, configOf(argocdAdapter, raw))
    expect(failureOf(exit)).toMatchObject({
      _tag: 'AuthFailed',
      reason:
        'Argo CD wants a token (invalid session: token has invalid claims: token is expired): set ARGOCD_TOKEN (a bearer token of an account allowed to read)',
    })
  })

  it('a 403 (gRPC code 7) names the permission and that Argo CD also answers so for an application that does not exist', async () => {
    server.use(
      http.get(`${BASE}/api/v1/applications`, () =>
        HttpResponse.json(fixture('errors/403.json'), { status: 403 }),
      ),
    )
    const { exit } = await backfillOnce(argocdAdapter, config())
    expect(failureOf(exit)).toMatchObject({
      _tag: 'AuthFailed',
      status: 403,
      reason:
        'the token lacks a permission (permission denied): Argo CD needs read (get) access to what the sync lists; Argo CD also answers 403 for an application that does not exist',
    })
  })

  it('a 503 then a success: the sync retries and goes on to the same events', async () => {
    const fake = fakeArgocd()
    let failures = 2
    server.use(
      http.get(`${BASE}/api/v1/applications`, () => {
        if (failures-- > 0) return HttpResponse.json({ error: 'unavailable', code: 14 }, { status: 503 })
        return undefined
      }),
      ...fake.handlers,
    )
    const { events, exit } = await backfillOnce(argocdAdapter, config())
    expect(exit._tag).toBe('Success')
    expect(events.length).toBe(15)
    expect(failures).toBe(-1)
  })

  it('a history entry without its id is a MalformedPayload naming the field', async () => {
    const broken = fixture<App & { status: { history: Array<{ id?: number }> } }>(
      'application-payments-prod.json',
    )
    delete broken.status.history[1]!.id
    server.use(...fakeArgocd([broken, ...storyApps().slice(1)]).handlers)
    const { exit } = await backfillOnce(argocdAdapter, config())
    expect(failureOf(exit)).toMatchObject({
      _tag: 'MalformedPayload',
      path: 'GET /api/v1/applications $.items[0].status.history[1].id',
      reason: 'is missing',
    })
  })

  it('an application named in apps that the token cannot see fails on apps, naming it', async () => {
    server.use(...fakeArgocd().handlers)
    const { exit } = await backfillOnce(argocdAdapter, config({ apps: ['payments-prod', 'payments-qa'] }))
    expect(failureOf(exit)).toMatchObject({
      _tag: 'ConfigInvalid',
      field: 'apps',
      reason: `no application payments-qa among the 2 the token can see at ${BASE}`,
    })
  })

  it('sync windows that cannot be read (404, an older Argo CD) are counted as unjoined; the sync goes on', async () => {
    const outOfSync = fixture<App & { status: { sync: { status: string } } }>(
      'application-payments-prod.json',
    )
    outOfSync.status.sync.status = 'OutOfSync'
    server.use(
      http.get(`${BASE}/api/v1/applications/:name/syncwindows`, () =>
        HttpResponse.json({ error: 'Not Found', code: 5, message: 'Not Found' }, { status: 404 }),
      ),
      ...fakeArgocd([outOfSync, ...storyApps().slice(1)]).handlers,
    )
    const { summary } = await backfillOnce(argocdAdapter, config())
    expect(summary?.events).toBe(15)
    expect(summary?.unjoined).toEqual([{ reason: 'sync windows unavailable (404)', count: 1 }])
  })
})
