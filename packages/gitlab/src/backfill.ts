import {
  type BackfillItem,
  type HttpError,
  type HttpSettings,
  type HttpTransport,
  makeJoinIndex,
  type StageMapping,
} from '@herbie/core'
import { Effect, Option, Stream } from 'effect'
import { boundState, type GitlabCheckpoint, type ProjectState } from './checkpoint.js'
import type { GitlabConfig } from './config.js'
import { syncDeployments } from './deploymentSync.js'
import { syncMergeRequests } from './mergeRequestSync.js'
import { syncPipelines } from './pipelineSync.js'
import type { ProjectSync } from './projectSync.js'
import { resolveProjects } from './projects.js'
import { readApiHint } from './scopeHint.js'
import { httpSettings } from './settings.js'

/**
 * The whole backfill, each project in turn: the merge requests updated since the checkpoint with
 * their notes and commits, the pipelines updated since it (and those still running in an open CI
 * stay) with their jobs and child pipelines, and the deployments updated since it, joined to
 * their merge requests; then a checkpoint recording when the project's sync began and what the
 * next one needs ({@link ProjectState}).
 *
 * @since 0.1.0
 * @category backfill
 */
export const backfill = (
  config: GitlabConfig,
  checkpoint: Option.Option<GitlabCheckpoint>,
  stages: StageMapping,
  onNotice?: HttpSettings['onNotice'],
): Stream.Stream<BackfillItem<GitlabCheckpoint>, HttpError, HttpTransport> => {
  const settings = httpSettings(config, onNotice)
  const states: Record<string, ProjectState> = { ...Option.getOrUndefined(checkpoint)?.projects }
  return Stream.fromIterableEffect(resolveProjects({ settings, config })).pipe(
    Stream.flatMap((project) =>
      Stream.unwrap(
        Effect.sync(() => {
          const path = project.path_with_namespace
          const previous = states[path]
          const sync: ProjectSync = {
            config,
            settings,
            stages,
            project,
            since: previous?.syncedFrom ?? config.since,
            startedAt: new Date().toISOString(),
            previous,
            joins: makeJoinIndex(previous?.joins ?? []),
          }
          const rest = Effect.all([syncPipelines(sync), syncDeployments(sync)], { concurrency: 1 }).pipe(
            Effect.map(([pipelines, deployments]) => {
              states[path] = boundState(
                {
                  syncedFrom: sync.startedAt,
                  joins: sync.joins.entries(),
                  ...pipelines.state,
                  ...deployments.state,
                },
                Date.parse(sync.startedAt),
              )
              const next: BackfillItem<GitlabCheckpoint> = {
                _tag: 'Checkpoint',
                checkpoint: { projects: { ...states } },
              }
              return [...pipelines.items, ...deployments.items, next]
            }),
          )
          return Stream.fromIterableEffect(syncMergeRequests(sync)).pipe(
            Stream.concat(Stream.fromIterableEffect(rest)),
          )
        }),
      ),
    ),
    Stream.mapError(readApiHint),
  )
}
