import {
  type AdapterError,
  type HttpTransport,
  MalformedPayload,
  type StageEventEncoded,
  type StageMapping,
  type WebhookDelivery,
  WebhookRejected,
} from '@herbie/core'
import { Effect, Either, Redacted } from 'effect'
import { mapBuilds } from './buildEvents.js'
import type { JenkinsConfig } from './config.js'
import { decodeBody } from './decode.js'
import { jobOfUrl } from './job.js'
import { NotificationPayload } from './notification.js'
import { getBuild, withStages } from './requests.js'
import { secretProblem } from './secret.js'
import { httpSettings } from './settings.js'

/**
 * Verifies a notification's shared secret (`Authorization: Basic`, see {@link secretProblem})
 * before anything reads its body; without a configured `webhookSecret` every delivery is refused.
 *
 * @since 0.1.0
 * @category webhooks
 */
export const verifyDelivery = (
  config: JenkinsConfig,
  delivery: WebhookDelivery,
): Effect.Effect<void, WebhookRejected> => {
  if (config.webhookSecret === undefined) {
    return Effect.fail(new WebhookRejected({ source: 'jenkins', reason: 'no webhook secret configured' }))
  }
  const problem = secretProblem(Redacted.value(config.webhookSecret), delivery.headers.authorization)
  return problem === undefined
    ? Effect.void
    : Effect.fail(new WebhookRejected({ source: 'jenkins', reason: problem }))
}

const parse = (delivery: WebhookDelivery) =>
  Effect.try({
    try: () => JSON.parse(Buffer.from(delivery.rawBody).toString('utf8')) as unknown,
    catch: (cause) =>
      new MalformedPayload({
        source: 'jenkins',
        path: 'notification $',
        reason: `body is not JSON: ${(cause as Error).message}`,
      }),
  })

/**
 * Maps a verified notification to the events the backfill gives the same build, with the same
 * ids: the build is fetched from the configured Jenkins (its `api/json` and, for a Pipeline run,
 * its stages), never from the payload's own URLs, and mapped as one sync of that build would.
 * STARTED yields the CI stay's enter (the build runs), COMPLETED and FINALIZED the whole build;
 * QUEUED, and a build deleted since, yield nothing. A build the backfill unites with others of
 * its item (overlapping builds of one commit) may carry the key of an earlier build there.
 *
 * @since 0.1.0
 * @category webhooks
 */
export const mapDelivery = (
  config: JenkinsConfig,
  delivery: WebhookDelivery,
  stages: StageMapping,
): Effect.Effect<ReadonlyArray<StageEventEncoded>, AdapterError, HttpTransport> =>
  Effect.gen(function* () {
    const payload = yield* decodeBody(NotificationPayload, 'notification', yield* parse(delivery))
    if (payload.build.phase === 'QUEUED') return []
    const job = jobOfUrl(payload.build.url) ?? jobOfUrl(payload.url)
    if (job === undefined) {
      return yield* new MalformedPayload({
        source: 'jenkins',
        path: 'notification $.build.url',
        reason: `names no job: ${payload.build.url}`,
      })
    }
    const settings = httpSettings(config)
    const build = yield* getBuild(settings, job, payload.build.number)
    if (Either.isLeft(build)) return []
    const { fetched } = yield* withStages(settings, job, build.right)
    return mapBuilds(config, stages, [fetched]).events
  })
