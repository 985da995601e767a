import { FetchTransport } from '@herbie/core'
import { Effect, Exit } from 'effect'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { defaultStages, mapDelivery, verifyDelivery } from '../src/index.js'
import { delivery, SECRET, SHARED_TOKEN } from './deliveries.js'
import { cloudIssues, fakeJira } from './fakeJira.js'
import { cloudConfig, sync } from './support.js'

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const rejection = (config: ReturnType<typeof cloudConfig>, given: ReturnType<typeof delivery>) => {
  const exit = Effect.runSyncExit(verifyDelivery(config, given))
  if (Exit.isSuccess(exit)) return undefined
  return exit.cause._tag === 'Fail' ? exit.cause.error.message : String(exit.cause)
}
const UPDATED = 'webhooks/jira-issue_updated.json'
const CREATED = 'webhooks/jira-issue_created.json'

describe('webhook verification', () => {
  const signed = cloudConfig({ webhookSecret: SECRET })
  it("accepts Jira's X-Hub-Signature (sha256=HMAC of the raw body) and refuses a wrong, missing or malformed one", () => {
    expect(rejection(signed, delivery(UPDATED))).toBeUndefined()
    expect(rejection(signed, delivery(UPDATED, 'another-secret'))).toBe(
      'jira: webhook rejected: signature does not match the body',
    )
    expect(rejection(signed, delivery(UPDATED, null))).toBe(
      'jira: webhook rejected: missing X-Hub-Signature header',
    )
    expect(rejection(signed, delivery(UPDATED, null, { 'x-hub-signature': 'sha1=0a1b' }))).toBe(
      'jira: webhook rejected: X-Hub-Signature is not sha256=<64 hex digits>',
    )
    const tampered = {
      ...delivery(UPDATED),
      rawBody: new TextEncoder().encode('{"webhookEvent": "jira:issue_deleted"}'),
    }
    expect(rejection(signed, tampered)).toBe('jira: webhook rejected: signature does not match the body')
  })

  it('accepts a shared token as the basic auth password or a bearer token when the webhook is not signed', () => {
    const config = cloudConfig({ webhookToken: SHARED_TOKEN })
    const basic = (secret: string) => `Basic ${Buffer.from(`herbie:${secret}`).toString('base64')}`
    expect(rejection(config, delivery(UPDATED, null, { authorization: basic(SHARED_TOKEN) }))).toBeUndefined()
    expect(
      rejection(config, delivery(UPDATED, null, { authorization: `Bearer ${SHARED_TOKEN}` })),
    ).toBeUndefined()
    expect(rejection(config, delivery(UPDATED, null, { authorization: basic('guess') }))).toBe(
      'jira: webhook rejected: the secret does not match',
    )
    expect(rejection(config, delivery(UPDATED, null, { authorization: 'Bearer guess' }))).toBe(
      'jira: webhook rejected: the token does not match',
    )
    expect(rejection(config, delivery(UPDATED, null))).toBe(
      'jira: webhook rejected: missing Authorization header: put the token in the webhook URL, https://herbie:TOKEN@host/..., or send Authorization: Bearer TOKEN',
    )
  })

  it('refuses every delivery when neither a secret nor a token is configured', () => {
    expect(rejection(cloudConfig(), delivery(UPDATED))).toBe(
      'jira: webhook rejected: no webhook secret or token configured (webhookSecret, webhookToken)',
    )
  })
})

describe('webhook mapping', () => {
  const config = cloudConfig({ webhookSecret: SECRET })
  const map = (name: string) =>
    Effect.runPromise(mapDelivery(config, delivery(name), defaultStages).pipe(Effect.provide(FetchTransport)))

  it('jira:issue_updated and jira:issue_created yield the events the backfill gives the issue, same ids and content', async () => {
    const fake = fakeJira({ platform: 'cloud', issues: cloudIssues() })
    server.use(...fake.handlers)
    const backfilled = (await sync(config)).events.filter((event) => event.itemId === 'jira:PAY-142')
    fake.requests.length = 0
    expect(await map(UPDATED)).toEqual(backfilled)
    expect(fake.requests).toEqual([
      '/rest/api/3/issue/PAY-142?fields=summary%2Cstatus%2Cissuetype%2Cproject%2Ccreated%2Cupdated%2Cresolution%2Cissuelinks&expand=changelog',
      '/rest/api/3/status',
    ])
    expect(await map(CREATED)).toEqual(backfilled)
  })

  it('an issue gone since the delivery, and other events, yield nothing', async () => {
    server.use(
      ...fakeJira({ platform: 'cloud', issues: cloudIssues().filter((issue) => issue.key !== 'PAY-142') })
        .handlers,
    )
    expect(await map(UPDATED)).toEqual([])
  })

  it('a body that is not JSON is malformed, naming the webhook', async () => {
    const bad = { headers: {}, rawBody: new TextEncoder().encode('{"webhookEvent": ') }
    const exit = await Effect.runPromiseExit(
      mapDelivery(config, bad, defaultStages).pipe(Effect.provide(FetchTransport)),
    )
    expect(Exit.isFailure(exit) && exit.cause._tag === 'Fail' ? exit.cause.error : undefined).toMatchObject({
      _tag: 'MalformedPayload',
      path: 'webhook $',
    })
  })
})
