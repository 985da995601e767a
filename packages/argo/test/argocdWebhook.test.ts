import { FetchTransport } from '@herbie/core'
import { Effect, Exit } from 'effect'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { argocdAdapter, mapArgocdDelivery, verifyArgocdDelivery } from '../src/index.js'
import { fakeArgocd, storyApps, storyConfig, WEBHOOK_TOKEN } from './fakeArgocd.js'
import { fixtureBytes } from './fixtures.js'

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const config = (extra: Record<string, unknown> = {}) => storyConfig({ webhookToken: WEBHOOK_TOKEN, ...extra })
const delivery = (
  headers: Record<string, string>,
  rawBody = fixtureBytes('notifications-webhook-on-deployed.json'),
) => ({
  headers,
  rawBody,
})
const rejection = (exit: Exit.Exit<unknown, unknown>) =>
  Exit.isFailure(exit) && exit.cause._tag === 'Fail' ? exit.cause.error : undefined
const map = (extra: Record<string, unknown>, body?: Uint8Array) =>
  Effect.runPromiseExit(
    mapArgocdDelivery(
      config(extra),
      delivery({ 'x-herbie-token': WEBHOOK_TOKEN }, body),
      argocdAdapter.stages,
    ).pipe(Effect.provide(FetchTransport)),
  )

describe('Argo CD notifications webhook', () => {
  it('verifies the shared X-Herbie-Token before reading the body, and says what is wrong', () => {
    const verify = (headers: Record<string, string>, extra: Record<string, unknown> = {}) =>
      rejection(
        Effect.runSyncExit(verifyArgocdDelivery(config(extra), delivery(headers, new Uint8Array([0xff])))),
      )
    expect(verify({ 'x-herbie-token': WEBHOOK_TOKEN })).toBeUndefined()
    expect(verify({})).toMatchObject({ _tag: 'WebhookRejected', reason: 'missing X-Herbie-Token header' })
    expect(verify({ 'x-herbie-token': 'herbie-argocd-webhook-tokeN' })).toMatchObject({
      reason: 'X-Herbie-Token does not match',
    })
    expect(verify({ 'x-herbie-token': WEBHOOK_TOKEN }, { webhookToken: undefined })).toMatchObject({
      reason: 'no webhookToken configured',
    })
  })

  it('maps the on-deployed delivery of payments-prod to the events a backfill gives it, entry 41 and its done candidate included', async () => {
    const fake = fakeArgocd(storyApps())
    server.use(...fake.handlers)
    const exit = await map({})
    const events = Exit.isSuccess(exit) ? exit.value : []
    const item = 'github:acme/payments-deploy@9f1c2e7b4a6d8c0e1f3a5b7c9d2e4f6a8b0c1d3e'
    expect(events.filter((event) => event.itemId === item).map((event) => event.id)).toEqual([
      `${item}:argocd/payments-prod:history:41:enter`,
      `${item}:argocd/payments-prod:history:41:exit`,
      `${item}:argocd/payments-prod:history:41:done:enter`,
    ])
    expect(events.length).toBe(9)
    expect(fake.requests).toEqual(['/api/v1/applications/payments-prod?appNamespace=argocd'])
  })

  it('a delivery for an application outside apps yields nothing and asks nothing', async () => {
    const fake = fakeArgocd(storyApps())
    server.use(...fake.handlers)
    const exit = await map({ apps: ['payments-staging'] })
    expect(Exit.isSuccess(exit) ? exit.value : undefined).toEqual([])
    expect(fake.requests).toEqual([])
  })

  it('a body the template did not render as JSON with the app name is a MalformedPayload naming the field', async () => {
    const exit = await map({}, new TextEncoder().encode('{"application":"payments-prod"}'))
    expect(rejection(exit)).toMatchObject({
      _tag: 'MalformedPayload',
      path: 'notification $.app',
      reason: 'is missing',
    })
  })
})
