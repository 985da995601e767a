import {
  type BackfillItem,
  type HttpError,
  type HttpSettings,
  type HttpTransport,
  itemsOf,
  makeJoinIndex,
  type StageMapping,
  unlessGone,
} from '@herbie/core'
import { Effect, Either, Option, Schema, Stream } from 'effect'
import { Issue, Pull, TimelineEvent } from './api.js'
import { boundState, emptyState, type GithubCheckpoint, type RepositoryState } from './checkpoint.js'
import type { GithubConfig } from './config.js'
import { syncDeployments } from './deploymentSync.js'
import { issueEvents } from './issueEvents.js'
import { pullContext, pullEvents } from './pullEvents.js'
import { list, listAll, type RepositorySync } from './repositorySync.js'
import { syncRuns } from './runSync.js'
import { httpSettings } from './settings.js'

const CONCURRENCY = 4

const after = (time: string, since: string | undefined) =>
  since === undefined || Date.parse(time) >= Date.parse(since)

const timelineOf = (sync: RepositorySync, number: number, subject: string) =>
  unlessGone(
    listAll(sync, `/repos/${sync.repository}/issues/${number}/timeline`, {}, Schema.Array(TimelineEvent)),
    subject,
  )

/** Pull requests updated since the checkpoint, with their timelines; each joins its commits. */
const pulls = (sync: RepositorySync) =>
  list(
    sync,
    `/repos/${sync.repository}/pulls`,
    { state: 'all', sort: 'updated', direction: 'desc' },
    Schema.Array(Pull),
  ).pipe(
    Stream.flatMap((page) => Stream.fromIterable(page)),
    Stream.takeWhile((pull) => after(pull.updated_at, sync.since)),
    Stream.mapEffect(
      (pull) =>
        timelineOf(sync, pull.number, 'pull request gone').pipe(
          Effect.map(
            Either.match({
              onLeft: (reason) => itemsOf([], [reason]),
              onRight: (timeline) => {
                const context = pullContext(sync.repository, pull, timeline, sync.config)
                sync.joins.add(context, [
                  ...timeline.flatMap((event) =>
                    event.event === 'committed' && event.sha !== undefined ? [event.sha] : [],
                  ),
                  pull.head.sha,
                  ...(pull.merged_at !== null && pull.merge_commit_sha !== null
                    ? [pull.merge_commit_sha]
                    : []),
                ])
                return itemsOf(pullEvents(sync.repository, pull, timeline, sync.stages, sync.config))
              },
            }),
          ),
        ),
      { concurrency: CONCURRENCY },
    ),
  )

/** Issues updated since the checkpoint, with their timelines (with `issues: true`). */
const issues = (sync: RepositorySync) =>
  list(
    sync,
    `/repos/${sync.repository}/issues`,
    {
      state: 'all',
      sort: 'updated',
      direction: 'desc',
      ...(sync.since === undefined ? {} : { since: sync.since }),
    },
    Schema.Array(Issue),
  ).pipe(
    Stream.flatMap((page) => Stream.fromIterable(page)),
    Stream.filter((issue) => issue.pull_request === undefined),
    Stream.mapEffect(
      (issue) =>
        timelineOf(sync, issue.number, 'issue deleted').pipe(
          Effect.map(
            Either.match({
              onLeft: (reason) => itemsOf([], [reason]),
              onRight: (timeline) =>
                itemsOf(
                  issueEvents(sync.repository, issue, timeline, sync.stages, sync.config.issueKeyPattern),
                ),
            }),
          ),
        ),
      { concurrency: CONCURRENCY },
    ),
  )

/**
 * The whole backfill, each repository in turn: pull requests updated since the checkpoint with
 * their timelines, issues updated since it with theirs (with `issues: true`), the workflow runs
 * and deployments created since it and those still open then, joined to their pull requests by
 * commit SHA; then a checkpoint recording when the repository's sync began and what the next one
 * needs ({@link RepositoryState}), so that it fetches only what changed.
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
  const stored = Option.getOrUndefined(checkpoint)
  const done: Record<string, string> = { ...stored?.repositories }
  const states: Record<string, RepositoryState> = { ...stored?.state }
  return Stream.fromIterable(config.repositories).pipe(
    Stream.flatMap((repository) =>
      Stream.unwrap(
        Effect.sync(() => {
          const startedAt = new Date().toISOString()
          const previous = states[repository] ?? emptyState
          const sync: RepositorySync = {
            config,
            repository,
            settings,
            stages,
            since: done[repository] ?? config.since,
            startedAt,
            previous,
            joins: makeJoinIndex(previous.joins),
          }
          const rest = Effect.all([syncRuns(sync), syncDeployments(sync)], { concurrency: 1 }).pipe(
            Effect.map(([runs, deployments]) => {
              done[repository] = startedAt
              states[repository] = boundState(
                { joins: sync.joins.entries(), ...runs.state, ...deployments.state },
                Date.parse(startedAt),
              )
              const next: BackfillItem<GithubCheckpoint> = {
                _tag: 'Checkpoint',
                checkpoint: { repositories: { ...done }, state: { ...states } },
              }
              return [...runs.items, ...deployments.items, next]
            }),
          )
          return pulls(sync).pipe(
            Stream.concat(config.issues ? issues(sync) : Stream.empty),
            Stream.flatMap((items) => Stream.fromIterable(items)),
            Stream.concat(Stream.fromIterableEffect(rest)),
          )
        }),
      ),
    ),
  )
}
