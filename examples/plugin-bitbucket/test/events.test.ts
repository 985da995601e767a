import {
  decodeConfig,
  FetchTransport,
  memoryCheckpointStore,
  runBackfill,
  type StageEventEncoded,
} from '@herbie/core'
import { Effect, Layer } from 'effect'
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bitbucketAdapter } from '../src/index.js'
import { approvedDelivery, handlers, SECRET } from './fixtures.js'

const server = setupServer(...handlers)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => server.close())

const config = Effect.runSync(
  decodeConfig(bitbucketAdapter, {
    repositories: ['acme/mobile'],
    token: 'bb-test-token',
    webhookSecret: SECRET,
  }),
)

describe('herbie-plugin-bitbucket', () => {
  it("maps #12's life: waiting for review, changes requested, approved, merged", async () => {
    const events: StageEventEncoded[] = []
    await Effect.runPromise(
      runBackfill(bitbucketAdapter, config, (batch) => Effect.sync(() => void events.push(...batch))).pipe(
        Effect.provide(Layer.merge(memoryCheckpointStore(), FetchTransport)),
      ),
    )
    expect(
      events
        .filter((event) => event.itemId === 'bitbucket:acme/mobile#12')
        .map((event) => `${event.at} ${event.stage} ${event.type}`),
    ).toEqual([
      '2026-03-04T09:00:00.000000+00:00 review-queue enter',
      '2026-03-04T17:45:00.000000+00:00 review-queue exit',
      '2026-03-04T17:45:00.000000+00:00 review enter',
      '2026-03-05T16:30:00.000000+00:00 review exit',
      '2026-03-05T16:30:00.000000+00:00 done enter',
    ])
    expect(
      events
        .filter((event) => event.itemId === 'bitbucket:acme/mobile#11')
        .map((event) => `${event.stage} ${event.type}`),
    ).toEqual(['review-queue enter', 'review-queue exit'])
  })

  it('maps a signed approval webhook with the backfill ids', async () => {
    const events = await Effect.runPromise(
      bitbucketAdapter
        .webhook!.map(config, approvedDelivery(), bitbucketAdapter.stages)
        .pipe(Effect.provide(FetchTransport)),
    )
    expect(events.map((event) => event.id)).toEqual([
      'bitbucket:acme/mobile#12:awaiting-review:exit',
      'bitbucket:acme/mobile#12:in-review:enter',
    ])
  })
})
