import {
  decodeBody,
  type MalformedPayload,
  type StageEventEncoded,
  type StageMapping,
  sameSecret,
  type WebhookDelivery,
  WebhookRejected,
  webhookJson,
} from '@herbie/core'
import { Effect, Redacted } from 'effect'
import { Application } from './api.js'
import { applicationEvents } from './applicationEvents.js'
import type { ArgocdConfig } from './config.js'

/**
 * The header the notifications webhook service sends the shared token in (set under `headers`
 * of `service.webhook.herbie`).
 *
 * @since 0.1.0
 * @category webhooks
 */
export const TOKEN_HEADER = 'x-herbie-token'

/**
 * Verifies a delivery's `X-Herbie-Token` against `webhookToken`, in constant time, before
 * anything reads its body (Argo CD's notifications sign nothing); without a configured token
 * every delivery is refused.
 *
 * @since 0.1.0
 * @category webhooks
 */
export const verifyDelivery = (
  config: ArgocdConfig,
  delivery: WebhookDelivery,
): Effect.Effect<void, WebhookRejected> => {
  if (config.webhookToken === undefined) {
    return Effect.fail(new WebhookRejected({ source: 'argocd', reason: 'no webhookToken configured' }))
  }
  const given = delivery.headers[TOKEN_HEADER]
  if (given === undefined || given === '') {
    return Effect.fail(new WebhookRejected({ source: 'argocd', reason: 'missing X-Herbie-Token header' }))
  }
  return sameSecret(Redacted.value(config.webhookToken), given)
    ? Effect.void
    : Effect.fail(new WebhookRejected({ source: 'argocd', reason: 'X-Herbie-Token does not match' }))
}

/**
 * Maps a verified delivery of the recommended template (docs/argo.md: the application's
 * `metadata`, `spec` and `status` without `resources`, rendered with `toJson`) to the events a
 * backfill gives the same application, with the same ids: its history entries, its failed sync.
 * Waits are left to the backfill, which knows when they began. The body is decoded with the
 * schema of the API's application, so a template that leaves out what the mapping reads fails
 * with `MalformedPayload` naming the field.
 *
 * @since 0.1.0
 * @category webhooks
 */
export const mapDelivery = (
  config: ArgocdConfig,
  delivery: WebhookDelivery,
  stages: StageMapping,
): Effect.Effect<ReadonlyArray<StageEventEncoded>, MalformedPayload> =>
  webhookJson('argocd', delivery).pipe(
    Effect.flatMap((body) => decodeBody('argocd', Application, 'notification', body)),
    Effect.map((app) => applicationEvents(config, stages, app, undefined, undefined, false).events),
  )
