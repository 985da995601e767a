import {
  type AdapterError,
  decodeBody,
  type HttpTransport,
  MalformedPayload,
  type StageEventEncoded,
  type StageMapping,
  type WebhookDelivery,
  WebhookRejected,
} from '@herbie/core'
import { Effect, Either, Redacted } from 'effect'
import { type JiraConfig, platformOf } from './config.js'
import { issueEvents } from './issueEvents.js'
import { fullHistories, getIssue, listStatuses } from './requests.js'
import { httpSettings } from './settings.js'
import { signatureProblem, tokenProblem } from './signature.js'
import { statusCategories } from './statusStage.js'
import { WebhookPayload } from './webhookPayload.js'

/** The issue events the adapter maps; others (comments, worklogs, deletions) yield nothing. */
const ISSUE_EVENTS = new Set(['jira:issue_created', 'jira:issue_updated'])

/**
 * Verifies a delivery before anything reads its body: with `webhookSecret`, its `X-Hub-Signature`
 * (see {@link signatureProblem}); else, with `webhookToken`, its `Authorization` (see
 * {@link tokenProblem}); with neither configured every delivery is refused.
 *
 * @since 0.1.0
 * @category webhooks
 */
export const verifyDelivery = (
  config: JiraConfig,
  delivery: WebhookDelivery,
): Effect.Effect<void, WebhookRejected> => {
  const problem =
    config.webhookSecret !== undefined
      ? signatureProblem(
          Redacted.value(config.webhookSecret),
          delivery.rawBody,
          delivery.headers['x-hub-signature'],
        )
      : config.webhookToken !== undefined
        ? tokenProblem(Redacted.value(config.webhookToken), delivery.headers.authorization)
        : 'no webhook secret or token configured (webhookSecret, webhookToken)'
  return problem === undefined
    ? Effect.void
    : Effect.fail(new WebhookRejected({ source: 'jira', reason: problem }))
}

const parse = (delivery: WebhookDelivery) =>
  Effect.try({
    try: (): unknown => JSON.parse(Buffer.from(delivery.rawBody).toString('utf8')),
    catch: (cause) =>
      new MalformedPayload({
        source: 'jira',
        path: 'webhook $',
        reason: `body is not JSON: ${cause instanceof Error ? cause.message : String(cause)}`,
      }),
  })

/**
 * Maps a verified `jira:issue_created` or `jira:issue_updated` delivery to the events the
 * backfill gives the same issue, with the same ids and content: the issue is fetched from the
 * configured Jira with its whole changelog (a webhook's changelog entry carries no time, and
 * rework needs the history before it) and mapped as a sync of it would. Other events, and an
 * issue gone since, yield nothing.
 *
 * @since 0.1.0
 * @category webhooks
 */
export const mapDelivery = (
  config: JiraConfig,
  delivery: WebhookDelivery,
  stages: StageMapping,
): Effect.Effect<ReadonlyArray<StageEventEncoded>, AdapterError, HttpTransport> =>
  Effect.gen(function* () {
    const payload = yield* decodeBody('jira', WebhookPayload, 'webhook', yield* parse(delivery))
    if (!ISSUE_EVENTS.has(payload.webhookEvent) || payload.issue === undefined) return []
    const settings = httpSettings(config)
    const platform = platformOf(config)
    const found = yield* getIssue(settings, platform, payload.issue.key)
    if (Either.isLeft(found)) return []
    const categories = statusCategories(yield* listStatuses(settings, platform))
    const { histories } = yield* fullHistories(settings, platform, found.right)
    return issueEvents(found.right, histories, config, stages, categories)
  })
