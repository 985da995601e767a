import { decodeConfig, FetchTransport } from '@herbie/core'
import { Effect, Exit } from 'effect'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { jenkinsAdapter, mapDelivery, secretProblem, verifyDelivery } from '../src/index.js'
import { BASE, fakeJenkins, fixtureBytes, storyJobs } from './fakeJenkins.js'
import { sync } from './support.js'

const SECRET = 'herbie-test-secret'
const config = Effect.runSync(decodeConfig(jenkinsAdapter, { baseUrl: BASE, webhookSecret: SECRET }))
const basic = (userInfo: string) => `Basic ${Buffer.from(userInfo).toString('base64')}`
const delivery = (phase: string, authorization?: string) => ({
  headers: authorization === undefined ? {} : { authorization },
  rawBody: fixtureBytes(`notifications/build-311-${phase}.json`),
})
const rejection = (exit: Exit.Exit<void, { reason: string }>) =>
  Exit.isFailure(exit) && exit.cause._tag === 'Fail' ? exit.cause.error.reason : 'accepted'

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

describe('Notification plugin webhooks', () => {
  it('the secret travels as the password of the endpoint URL (Authorization: Basic) and is checked before the body', () => {
    const check = (authorization?: string) =>
      rejection(Effect.runSyncExit(verifyDelivery(config, delivery('completed', authorization))))
    expect(check(basic(`herbie:${SECRET}`))).toBe('accepted')
    expect(check()).toBe(
      'missing Authorization header: put the secret in the endpoint URL, https://herbie:SECRET@host/...',
    )
    expect(check(basic('herbie:not-the-secret'))).toBe('the secret does not match')
    expect(check(basic(`herbie:${SECRET}x`))).toBe('the secret does not match')
    expect(check('Bearer abc')).toBe('Authorization is not Basic credentials')
    expect(check(basic('no-colon'))).toBe('Authorization holds no user:secret pair')
    const unset = Effect.runSync(decodeConfig(jenkinsAdapter, { baseUrl: BASE }))
    expect(
      rejection(Effect.runSyncExit(verifyDelivery(unset, delivery('completed', basic(`h:${SECRET}`))))),
    ).toBe('no webhook secret configured')
    expect(secretProblem(SECRET, basic(`:${SECRET}`))).toBeUndefined()
  })

  it('STARTED, COMPLETED and FINALIZED map to the events the backfill gives build #311, by the same ids; QUEUED to nothing', async () => {
    server.use(...fakeJenkins({ 'payments/main': storyJobs()['payments/main']! }).handlers)
    const backfilled = (await sync(config)).events.filter((event) => event.attributes?.build === 311)
    for (const phase of ['started', 'completed', 'finalized']) {
      const events = await Effect.runPromise(
        mapDelivery(config, delivery(phase), jenkinsAdapter.stages).pipe(Effect.provide(FetchTransport)),
      )
      expect(events, phase).toEqual(backfilled)
    }
    const queued = new TextEncoder().encode(
      JSON.stringify({
        name: 'main',
        url: 'job/payments/job/main/',
        build: { number: 312, phase: 'QUEUED', url: 'job/payments/job/main/312/' },
      }),
    )
    expect(
      await Effect.runPromise(
        mapDelivery(config, { headers: {}, rawBody: queued }, jenkinsAdapter.stages).pipe(
          Effect.provide(FetchTransport),
        ),
      ),
    ).toEqual([])
  })

  it('accepts the 1.x plugin string timestamp; a body that is no notification fails naming the field', async () => {
    server.use(...fakeJenkins({ 'payments/main': storyJobs()['payments/main']! }).handlers)
    const old = JSON.parse(new TextDecoder().decode(fixtureBytes('notifications/build-311-completed.json')))
    old.build.timestamp = '2026-03-05T14:31:02.0+00:00'
    const events = await Effect.runPromise(
      mapDelivery(
        config,
        { headers: {}, rawBody: new TextEncoder().encode(JSON.stringify(old)) },
        jenkinsAdapter.stages,
      ).pipe(Effect.provide(FetchTransport)),
    )
    expect(events.length).toBe(6)
    const bad = await Effect.runPromiseExit(
      mapDelivery(
        config,
        {
          headers: {},
          rawBody: new TextEncoder().encode('{"name":"main","url":"x","build":{"phase":"STARTED"}}'),
        },
        jenkinsAdapter.stages,
      ).pipe(Effect.provide(FetchTransport)),
    )
    expect(Exit.isFailure(bad) && bad.cause._tag === 'Fail' && bad.cause.error).toMatchObject({
      _tag: 'MalformedPayload',
      path: 'notification $.build.number',
    })
  })
})
