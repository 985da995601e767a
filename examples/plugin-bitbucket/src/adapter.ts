import { createHmac, timingSafeEqual } from 'node:crypto'
import { type BackfillItem, defineAdapter, MalformedPayload, paginate, WebhookRejected } from '@herbie/core'
import { Effect, Option, Redacted, Schema, Stream } from 'effect'
import { Activity, Page, PullRequest } from './api.js'
import { BitbucketCheckpoint, BitbucketConfig } from './config.js'
import { defaultStages, pullRequestEvents } from './events.js'

const nextUrl = (body: unknown) => (body as { next?: string }).next

const decode = <A, I>(schema: Schema.Schema<A, I>, what: string, body: unknown) =>
  Schema.decodeUnknown(schema)(body).pipe(
    Effect.mapError(
      (error) => new MalformedPayload({ source: 'bitbucket', path: what, reason: error.message }),
    ),
  )

type Checkpoint = typeof BitbucketCheckpoint.Type

/** Bitbucket Cloud pull requests as Herbie stage events. */
export const bitbucketAdapter = defineAdapter({
  name: 'bitbucket',
  config: BitbucketConfig,
  checkpoint: BitbucketCheckpoint,
  checkpointKey: (config) => [...config.repositories].sort().join(','),
  stages: defaultStages,
  backfill: (config, checkpoint, stages) => {
    const settings = { source: 'bitbucket', baseUrl: config.baseUrl, auth: { token: config.token } }
    const done: Record<string, string> = { ...Option.getOrUndefined(checkpoint)?.repositories }
    return Stream.fromIterable(config.repositories).pipe(
      Stream.flatMap((repository) => {
        const startedAt = new Date().toISOString()
        const since = done[repository]
        const pulls = paginate(
          settings,
          `/repositories/${repository}/pullrequests`,
          { q: 'state="OPEN" OR state="MERGED" OR state="DECLINED"', sort: '-updated_on', pagelen: '50' },
          { kind: 'body-url', next: nextUrl },
        ).pipe(
          Stream.mapEffect((page) => decode(Page(PullRequest), `pullrequests of ${repository}`, page.body)),
          Stream.flatMap((page) => Stream.fromIterable(page.values)),
          Stream.takeWhile((pull) => since === undefined || Date.parse(pull.updated_on) >= Date.parse(since)),
          Stream.mapEffect((pull) =>
            paginate(
              settings,
              `/repositories/${repository}/pullrequests/${pull.id}/activity`,
              {},
              { kind: 'body-url', next: nextUrl },
            ).pipe(
              Stream.mapEffect((page) =>
                decode(Page(Activity), `activity of ${repository}#${pull.id}`, page.body),
              ),
              Stream.runCollect,
              Effect.map((pages) =>
                pullRequestEvents(
                  repository,
                  pull,
                  [...pages].flatMap((page) => page.values),
                  stages,
                ),
              ),
            ),
          ),
          Stream.flatMap((events) =>
            Stream.fromIterable(events.map((event): BackfillItem<Checkpoint> => ({ _tag: 'Event', event }))),
          ),
        )
        return Stream.concat(
          pulls,
          Stream.sync((): BackfillItem<Checkpoint> => {
            done[repository] = startedAt
            return { _tag: 'Checkpoint', checkpoint: { repositories: { ...done } } }
          }),
        )
      }),
    )
  },
  webhook: {
    verify: (config, delivery) => {
      const header = delivery.headers['x-hub-signature']
      if (config.webhookSecret === undefined)
        return Effect.fail(
          new WebhookRejected({ source: 'bitbucket', reason: 'no webhook secret configured' }),
        )
      if (header === undefined || !/^sha256=[0-9a-f]{64}$/.test(header))
        return Effect.fail(
          new WebhookRejected({ source: 'bitbucket', reason: 'missing or malformed X-Hub-Signature' }),
        )
      const expected = createHmac('sha256', Redacted.value(config.webhookSecret))
        .update(delivery.rawBody)
        .digest()
      return timingSafeEqual(expected, Buffer.from(header.slice(7), 'hex'))
        ? Effect.void
        : Effect.fail(
            new WebhookRejected({ source: 'bitbucket', reason: 'signature does not match the body' }),
          )
    },
    map: (_config, delivery, stages) =>
      Effect.gen(function* () {
        const key = delivery.headers['x-event-key'] ?? ''
        const body = yield* Effect.try({
          try: () => JSON.parse(Buffer.from(delivery.rawBody).toString('utf8')) as unknown,
          catch: () => new MalformedPayload({ source: 'bitbucket', path: '$', reason: 'body is not JSON' }),
        })
        const hook = yield* decode(
          Schema.Struct({
            repository: Schema.Struct({ full_name: Schema.String }),
            pullrequest: PullRequest,
            approval: Schema.optional(Schema.Struct({ date: Schema.String })),
          }),
          `${key} webhook`,
          body,
        )
        const repository = hook.repository.full_name
        const activity =
          key === 'pullrequest:approved' && hook.approval !== undefined
            ? [{ approval: hook.approval }]
            : key === 'pullrequest:fulfilled'
              ? [{ update: { state: 'MERGED', date: hook.pullrequest.updated_on } }]
              : []
        if (key !== 'pullrequest:created' && activity.length === 0) return []
        return pullRequestEvents(repository, hook.pullrequest, activity, stages).filter((event) =>
          key === 'pullrequest:created'
            ? event.type === 'enter' && event.stage === stages['pullrequest.awaiting-review']
            : event.at !== hook.pullrequest.created_on,
        )
      }),
  },
})
