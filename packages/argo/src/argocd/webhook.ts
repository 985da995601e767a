import {
  type AdapterError,
  decodeBody,
  type HttpTransport,
  type StageEventEncoded,
  type StageMapping,
  sameSecret,
  type WebhookDelivery,
  WebhookRejected,
  webhookJson,
} from '@herbie/core'
import { Effect, Either, Redacted, Schema } from 'effect'
import { applicationEvents } from './applicationEvents.js'
import type { ArgocdConfig } from './config.js'
import { getApplication } from './requests.js'
import { httpSettings } from './settings.js'

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
 * The body of the recommended notification template (docs/argo.md): the application's name
 * (`{{.app.metadata.name}}`) and the namespace of the Application resource
 * (`{{.app.metadata.namespace}}`, needed when applications live in several namespaces); the
 * template's other fields (revision, phase, times) are for people reading the delivery.
 *
 * @since 0.1.0
 * @category webhooks
 */
export const Notification = Schema.Struct({
  app: Schema.String.pipe(Schema.minLength(1)),
  appNamespace: Schema.optional(Schema.String),
})

/**
 * A decoded notification.
 *
 * @since 0.1.0
 * @category webhooks
 */
export type Notification = typeof Notification.Type

/**
 * Maps a verified delivery to the events a backfill gives the same application, with the same
 * ids: the application it names is read from the configured Argo CD
 * (`GET /api/v1/applications/{name}`), never taken from the payload, and mapped as a first sync
 * of it would (its history entries, its failed sync; waits are left to the backfill, which knows
 * when they began). An application outside `apps`, or gone since (404), yields nothing.
 *
 * @since 0.1.0
 * @category webhooks
 */
export const mapDelivery = (
  config: ArgocdConfig,
  delivery: WebhookDelivery,
  stages: StageMapping,
): Effect.Effect<ReadonlyArray<StageEventEncoded>, AdapterError, HttpTransport> =>
  Effect.gen(function* () {
    const body = yield* webhookJson('argocd', delivery)
    const notification = yield* decodeBody('argocd', Notification, 'notification', body)
    if (config.apps.length > 0 && !config.apps.includes(notification.app)) return []
    const app = yield* getApplication(httpSettings(config), notification.app, notification.appNamespace)
    return Either.isRight(app)
      ? applicationEvents(config, stages, app.right, undefined, undefined, false).events
      : []
  })
