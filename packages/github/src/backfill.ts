import {
  type BackfillItem,
  type HttpError,
  type HttpSettings,
  type HttpTransport,
  paginate,
  type StageMapping,
} from '@herbie/core'
import { Effect, Option, Schema, Stream } from 'effect'
import {
  Deployment,
  DeploymentStatus,
  decodeBody,
  Issue,
  JobPage,
  Pull,
  TimelineEvent,
  WorkflowRunPage,
} from './api.js'
import { commitContext } from './commitContext.js'
import type { GithubConfig } from './config.js'
import { deploymentEvents } from './deploymentEvents.js'
import type { EventContext } from './event.js'
import { issueEvents } from './issueEvents.js'
import { pullContext, pullEvents } from './pullEvents.js'
import { runEvents } from './runEvents.js'
import { httpSettings } from './settings.js'

/**
 * How far each repository was synced: the instant each last sync started.
 *
 * @since 0.1.0
 * @category backfill
 */
export const GithubCheckpoint = Schema.Struct({
  repositories: Schema.Record({ key: Schema.String, value: Schema.String }),
})

/**
 * A decoded GitHub checkpoint.
 *
 * @since 0.1.0
 * @category backfill
 */
export type GithubCheckpoint = typeof GithubCheckpoint.Type

const CONCURRENCY = 4

const list = <A, I>(
  settings: HttpSettings,
  path: string,
  query: Record<string, string>,
  schema: Schema.Schema<A, I>,
) =>
  paginate(settings, path, query, { kind: 'link' }).pipe(
    Stream.mapEffect((page) => decodeBody(schema, `GET ${path}`, page.body)),
  )

const after = (time: string, since: string | undefined) =>
  since === undefined || Date.parse(time) >= Date.parse(since)

/**
 * Backfills one repository: pull requests updated since the checkpoint with their timelines,
 * issues updated since it with theirs (with `issues: true`),
 * workflow runs created since it with their jobs, and deployments created since it with their
 * statuses. Runs and deployments join their pull request by commit SHA.
 *
 * @since 0.1.0
 * @category backfill
 */
export const backfillRepository = (
  config: GithubConfig,
  repository: string,
  since: string | undefined,
  stages: StageMapping,
  settings: HttpSettings,
): Stream.Stream<BackfillItem<never>, HttpError, HttpTransport> => {
  const perPage = String(config.perPage)
  const bySha = new Map<string, EventContext>()
  const pulls = list(
    settings,
    `/repos/${repository}/pulls`,
    { state: 'all', sort: 'updated', direction: 'desc', per_page: perPage },
    Schema.Array(Pull),
  ).pipe(
    Stream.flatMap((page) => Stream.fromIterable(page)),
    Stream.takeWhile((pull) => after(pull.updated_at, since)),
    Stream.mapEffect(
      (pull) =>
        list(
          settings,
          `/repos/${repository}/issues/${pull.number}/timeline`,
          { per_page: perPage },
          Schema.Array(TimelineEvent),
        ).pipe(
          Stream.runCollect,
          Effect.map((pages) => {
            const timeline = [...pages].flat()
            const context = pullContext(repository, pull, timeline, config)
            for (const event of timeline)
              if (event.event === 'committed' && typeof event.sha === 'string') bySha.set(event.sha, context)
            bySha.set(pull.head.sha, context)
            if (pull.merged_at !== null && pull.merge_commit_sha !== null)
              bySha.set(pull.merge_commit_sha, context)
            return pullEvents(repository, pull, timeline, stages, config)
          }),
        ),
      { concurrency: CONCURRENCY },
    ),
  )
  const contextOf = (sha: string) =>
    Effect.suspend(() => {
      const known = bySha.get(sha)
      if (known !== undefined) return Effect.succeed(known)
      return commitContext(settings, repository, sha, config).pipe(
        Effect.tap((context) => Effect.sync(() => void bySha.set(sha, context))),
      )
    })
  const issues = config.issues
    ? list(
        settings,
        `/repos/${repository}/issues`,
        {
          state: 'all',
          sort: 'updated',
          direction: 'desc',
          per_page: perPage,
          ...(since === undefined ? {} : { since }),
        },
        Schema.Array(Issue),
      ).pipe(
        Stream.flatMap((page) => Stream.fromIterable(page)),
        Stream.filter((issue) => issue.pull_request === undefined),
        Stream.mapEffect(
          (issue) =>
            list(
              settings,
              `/repos/${repository}/issues/${issue.number}/timeline`,
              { per_page: perPage },
              Schema.Array(TimelineEvent),
            ).pipe(
              Stream.runCollect,
              Effect.map((pages) =>
                issueEvents(repository, issue, [...pages].flat(), stages, config.issueKeyPattern),
              ),
            ),
          { concurrency: CONCURRENCY },
        ),
      )
    : Stream.empty
  const runs = list(
    settings,
    `/repos/${repository}/actions/runs`,
    { per_page: perPage, ...(since === undefined ? {} : { created: `>=${since}` }) },
    WorkflowRunPage,
  ).pipe(
    Stream.flatMap((page) => Stream.fromIterable(page.workflow_runs)),
    Stream.mapEffect(
      (run) =>
        Effect.all([
          contextOf(run.head_sha),
          list(
            settings,
            `/repos/${repository}/actions/runs/${run.id}/jobs`,
            { per_page: perPage },
            JobPage,
          ).pipe(Stream.runCollect),
        ]).pipe(
          Effect.map(([context, pages]) =>
            runEvents(
              context,
              run,
              [...pages].flatMap((page) => page.jobs),
              stages,
            ),
          ),
        ),
      { concurrency: CONCURRENCY },
    ),
  )
  const deployments = list(
    settings,
    `/repos/${repository}/deployments`,
    { per_page: perPage },
    Schema.Array(Deployment),
  ).pipe(
    Stream.flatMap((page) => Stream.fromIterable(page)),
    Stream.takeWhile((deployment) => after(deployment.created_at, since)),
    Stream.mapEffect(
      (deployment) =>
        Effect.all([
          contextOf(deployment.sha),
          list(
            settings,
            `/repos/${repository}/deployments/${deployment.id}/statuses`,
            { per_page: perPage },
            Schema.Array(DeploymentStatus),
          ).pipe(Stream.runCollect),
        ]).pipe(
          Effect.map(([context, pages]) =>
            deploymentEvents(
              context,
              deployment,
              [...pages].flat(),
              stages,
              config.doneAt === 'production-deploy',
            ),
          ),
        ),
      { concurrency: CONCURRENCY },
    ),
  )
  return pulls.pipe(
    Stream.concat(issues),
    Stream.concat(runs),
    Stream.concat(deployments),
    Stream.flatMap((events) =>
      Stream.fromIterable(events.map((event) => ({ _tag: 'Event', event }) as const)),
    ),
  )
}

/**
 * The whole backfill: each repository in turn, then a checkpoint recording when its sync began,
 * so that the next sync fetches only what changed since.
 *
 * @since 0.1.0
 * @category backfill
 */
export const backfill = (
  config: GithubConfig,
  checkpoint: Option.Option<GithubCheckpoint>,
  stages: StageMapping,
  onNotice?: HttpSettings['onNotice'],
): Stream.Stream<BackfillItem<GithubCheckpoint>, HttpError, HttpTransport> => {
  const settings = httpSettings(config, onNotice)
  const done: Record<string, string> = { ...Option.getOrUndefined(checkpoint)?.repositories }
  return Stream.fromIterable(config.repositories).pipe(
    Stream.flatMap((repository) => {
      const startedAt = new Date().toISOString()
      const since = done[repository] ?? config.since
      return Stream.concat(
        backfillRepository(config, repository, since, stages, settings),
        Stream.sync(() => {
          done[repository] = startedAt
          return { _tag: 'Checkpoint', checkpoint: { repositories: { ...done } } } as const
        }),
      )
    }),
  )
}
