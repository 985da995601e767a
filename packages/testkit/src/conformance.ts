import {
  type Adapter,
  decodeConfig,
  FetchTransport,
  memoryCheckpointStore,
  type WebhookDelivery,
} from '@herbie/core'
import { Effect, Exit } from 'effect'
import type { RequestHandler } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { backfillOnce } from './backfillOnce.js'
import { foreignIds, repeatedIds, undecodable, unpairedExits } from './checks.js'
import { failFirst, failFrom, malformed } from './faults.js'

/**
 * The story an adapter is proven on: its options as a user writes them, msw handlers serving the
 * source's API for that story, and signed webhook deliveries (optional).
 *
 * @since 0.1.0
 * @category conformance
 */
export interface ConformanceScenario {
  readonly config: unknown
  readonly handlers: ReadonlyArray<RequestHandler>
  /** Signed deliveries of facts in the same story: each maps to ids the backfill also yields. */
  readonly webhooks?: ReadonlyArray<WebhookDelivery>
  /**
   * Deliveries verification must refuse. For a source that authenticates the sender with a
   * shared token and does not sign the body (GitLab's `X-Gitlab-Token`), give the deliveries with
   * the token missing or wrong: they replace the check that a changed body is refused.
   */
  readonly rejected?: ReadonlyArray<WebhookDelivery>
  /** The story yields at least this many events (default 1). */
  readonly minEvents?: number
  /**
   * Detail requests whose subject may be gone by the time the adapter asks (a pipeline's jobs, the
   * pull requests of a commit), with the status the source then answers (404, 410, 422): each is
   * answered so, and the sync must still succeed and report what it could not join.
   */
  readonly enrichment?: ReadonlyArray<{ readonly url: string; readonly status: number }>
}

const failureTag = (exit: Exit.Exit<unknown, unknown>): string | undefined =>
  Exit.isFailure(exit) && exit.cause._tag === 'Fail'
    ? (exit.cause.error as { _tag?: string })._tag
    : undefined

/**
 * Declares the conformance suite of an adapter in the calling vitest file: every event decodes
 * with the schema; ids are deterministic and unique; each exit has its enter; a re-run yields the
 * same events; a sync cut off at any request and resumed yields the same set; a 429 is sat out;
 * errors are typed (401 → AuthFailed, lasting 5xx → Transient, a body that is not JSON →
 * MalformedPayload); a gone subject on each of the scenario's `enrichment` requests (404, 422...)
 * leaves the sync going and is counted as unjoined; webhooks verify and map to valid events whose
 * ids the backfill of the same story also yields (a webhook and a sync never count a fact twice), and a bad signature
 * (or, with `rejected`, a missing or wrong token) is rejected before the body is read. Webhook mapping runs against the scenario's handlers, so an
 * adapter may look up what a payload leaves out. Call it in a file of its own:
 * it starts its own msw server.
 *
 * @since 0.1.0
 * @category conformance
 */
export const adapterConformance = <C, CI, K, KI>(
  adapter: Adapter<C, CI, K, KI>,
  scenario: ConformanceScenario,
): void => {
  describe(`${adapter.name}: adapter conformance`, () => {
    const server = setupServer(...scenario.handlers)
    beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
    afterEach(() => server.resetHandlers())
    afterAll(() => server.close())
    const config = () => Effect.runSync(decodeConfig(adapter, scenario.config))

    it('every event decodes with the StageEvent schema', async () => {
      const { exit, events } = await backfillOnce(adapter, config())
      expect(failureTag(exit)).toBeUndefined()
      expect(events.length).toBeGreaterThanOrEqual(scenario.minEvents ?? 1)
      expect(undecodable(events), 'events that do not decode').toEqual([])
    })

    it('ids are unique, and a re-run yields the same events with the same ids', async () => {
      const first = await backfillOnce(adapter, config())
      const second = await backfillOnce(adapter, config())
      expect(repeatedIds(first.events), 'ids carried by more than one event').toEqual([])
      expect(second.events).toEqual(first.events)
    })

    it('each exit has its enter', async () => {
      const { events } = await backfillOnce(adapter, config())
      expect(unpairedExits(events)).toEqual([])
    })

    it('a sync cut off at any request and resumed yields the same set of events', async () => {
      const clean = await backfillOnce(adapter, config())
      const expected = [...new Set(clean.events.map((event) => event.id))].sort()
      const probe = failFrom(Number.POSITIVE_INFINITY)
      server.use(probe.handler)
      await backfillOnce(adapter, config())
      const requests = probe.count()
      server.resetHandlers()
      expect(requests).toBeGreaterThan(0)
      for (let at = 1; at <= requests; at++) {
        const store = memoryCheckpointStore()
        const fault = failFrom(at)
        server.use(fault.handler)
        const cut = await backfillOnce(adapter, config(), store)
        server.resetHandlers()
        expect(failureTag(cut.exit), `cut at request ${at}`).toBe('AuthFailed')
        const resumed = await backfillOnce(adapter, config(), store)
        expect(failureTag(resumed.exit)).toBeUndefined()
        const union = [...new Set([...cut.events, ...resumed.events].map((event) => event.id))].sort()
        expect(union, `resumed after a cut at request ${at}`).toEqual(expected)
      }
    }, 120_000)

    it('a 429 with Retry-After on the first request is sat out and the sync goes on to the same events', async () => {
      const clean = await backfillOnce(adapter, config())
      server.use(failFirst('*', 1, 429, { 'retry-after': '1' }))
      const limited = await backfillOnce(adapter, config())
      expect(failureTag(limited.exit)).toBeUndefined()
      expect(limited.events).toEqual(clean.events)
    })

    it('a lasting 5xx fails with Transient once the retries are spent', async () => {
      server.use(failFrom(1, 503).handler)
      expect(failureTag((await backfillOnce(adapter, config())).exit)).toBe('Transient')
    }, 60_000)

    it('errors are typed: a 401 is AuthFailed, a body that is not JSON is MalformedPayload', async () => {
      server.use(failFrom(1).handler)
      expect(failureTag((await backfillOnce(adapter, config())).exit)).toBe('AuthFailed')
      server.resetHandlers()
      server.use(malformed('*'))
      expect(failureTag((await backfillOnce(adapter, config())).exit)).toBe('MalformedPayload')
    })

    for (const { url, status } of scenario.enrichment ?? []) {
      it(`a ${status} on the detail request ${url} does not fail the sync; the fact is counted as unjoined`, async () => {
        server.use(failFirst(url, Number.POSITIVE_INFINITY, status))
        const { exit, unjoined } = await backfillOnce(adapter, config())
        expect(failureTag(exit)).toBeUndefined()
        expect(unjoined.reduce((sum, entry) => sum + entry.count, 0)).toBeGreaterThan(0)
      })
    }

    const webhook = adapter.webhook
    if (webhook !== undefined && scenario.webhooks !== undefined && scenario.webhooks.length > 0) {
      const deliveries = scenario.webhooks
      it('every delivery verifies and maps to valid events with the ids the backfill gives the same facts', async () => {
        const backfilled = new Set((await backfillOnce(adapter, config())).events.map((event) => event.id))
        for (const delivery of deliveries) {
          expect(Exit.isSuccess(Effect.runSyncExit(webhook.verify(config(), delivery)))).toBe(true)
          const events = await Effect.runPromise(
            webhook.map(config(), delivery, adapter.stages).pipe(Effect.provide(FetchTransport)),
          )
          expect(undecodable(events), 'webhook events that do not decode').toEqual([])
          expect(foreignIds(events, backfilled), 'webhook events the backfill does not yield').toEqual([])
        }
      })

      const rejected = scenario.rejected
      if (rejected === undefined) {
        it('a delivery whose body changed is rejected before the body is parsed', () => {
          for (const delivery of deliveries) {
            const tampered = { headers: delivery.headers, rawBody: new TextEncoder().encode('{"not": json') }
            const exit = Effect.runSyncExit(webhook.verify(config(), tampered))
            expect(failureTag(exit)).toBe('WebhookRejected')
          }
        })
      } else {
        it('a delivery without the right credentials is rejected before the body is parsed', () => {
          expect(rejected.length).toBeGreaterThan(0)
          for (const delivery of rejected) {
            const unparsable = {
              headers: delivery.headers,
              rawBody: new TextEncoder().encode('{"not": json'),
            }
            expect(failureTag(Effect.runSyncExit(webhook.verify(config(), unparsable)))).toBe(
              'WebhookRejected',
            )
          }
        })
      }
    }
  })
}
