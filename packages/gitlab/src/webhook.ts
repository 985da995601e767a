import {
  ciStays,
  decodeBody,
  type HttpError,
  type HttpTransport,
  makeJoinIndex,
  type StageEventEncoded,
  type StageMapping,
  type WebhookDelivery,
  WebhookRejected,
  webhookJson,
} from '@herbie/core'
import { Effect, Either, Redacted, Schema } from 'effect'
import { Commit, Deployment, MergeRequest, Note, Pipeline, type Project } from './api.js'
import { emitsDone, type GitlabConfig } from './config.js'
import { deploymentEvents } from './deploymentEvents.js'
import { mergeRequestEvents } from './mergeRequestEvents.js'
import { pipelineAttempts } from './pipelineAttempts.js'
import { countsAsDelivery } from './pipelineFilter.js'
import { PIPELINE_STAYS, pipelineJobs } from './pipelineSync.js'
import { getOne, joinKey, listAll, lookUp } from './projectSync.js'
import { readApiHint } from './scopeHint.js'
import { httpSettings } from './settings.js'
import { tokenProblem } from './token.js'

/**
 * Verifies a delivery's `X-Gitlab-Token` before anything reads its body; without a configured
 * `webhookToken` every delivery is refused.
 *
 * @since 0.1.0
 * @category webhooks
 */
export const verifyDelivery = (
  config: GitlabConfig,
  delivery: WebhookDelivery,
): Effect.Effect<void, WebhookRejected> => {
  if (config.webhookToken === undefined)
    return Effect.fail(new WebhookRejected({ source: 'gitlab', reason: 'no webhookToken configured' }))
  const problem = tokenProblem(Redacted.value(config.webhookToken), delivery.headers['x-gitlab-token'])
  return problem === undefined
    ? Effect.void
    : Effect.fail(new WebhookRejected({ source: 'gitlab', reason: problem }))
}

const HookProject = Schema.Struct({ id: Schema.Number, path_with_namespace: Schema.String })
const MergeRequestHook = Schema.Struct({
  project: HookProject,
  object_attributes: Schema.Struct({ iid: Schema.Number }),
})
const PipelineHook = Schema.Struct({
  project: HookProject,
  object_attributes: Schema.Struct({ id: Schema.Number }),
  /** On a child or downstream pipeline: the pipeline that triggered it. */
  source_pipeline: Schema.optional(
    Schema.NullOr(Schema.Struct({ pipeline_id: Schema.Number, project_id: Schema.Number })),
  ),
})
const JobHook = Schema.Struct({ project: HookProject, pipeline_id: Schema.Number })
const DeploymentHook = Schema.Struct({ project: HookProject, deployment_id: Schema.Number })

/**
 * Maps a verified delivery to stage events with the ids the backfill gives the same facts, so a
 * webhook and a sync never count a fact twice. The payloads leave out what the mapping needs (a
 * merge request hook has no merge time, a pipeline hook no queued times of retried jobs), so each
 * delivery is read again through the REST API the backfill uses:
 * - `Merge Request Hook`: the merge request with its notes and commits, mapped as the backfill
 *   maps it (every action);
 * - `Pipeline Hook` and `Job Hook`: the CI stays of the pipeline's commit, every counted pipeline
 *   of that commit with its jobs and child pipelines (a child pipeline's hook maps its parent);
 * - `Deployment Hook`: the deployment, with its done candidate when it is a successful
 *   production deployment.
 * Other events map to nothing.
 *
 * @since 0.1.0
 * @category webhooks
 */
export const mapDelivery = (
  config: GitlabConfig,
  delivery: WebhookDelivery,
  stages: StageMapping,
): Effect.Effect<ReadonlyArray<StageEventEncoded>, HttpError, HttpTransport> =>
  Effect.gen(function* () {
    const event = delivery.headers['x-gitlab-event'] ?? ''
    const payload = yield* webhookJson('gitlab', delivery)
    const http = { settings: httpSettings(config), config, joins: makeJoinIndex([]) }
    const itemOf = (project: Project, fact: { readonly ref: string; readonly sha: string }) =>
      lookUp(http, project, joinKey(fact), fact.sha).pipe(Effect.map(({ context }) => context))
    const commitStays = (project: Project, pipelineId: number) =>
      Effect.gen(function* () {
        const root = yield* getOne(http, `/projects/${project.id}/pipelines/${pipelineId}`, Pipeline)
        if (!countsAsDelivery(config.pipelines, root)) return []
        const siblings = yield* listAll(
          http,
          `/projects/${project.id}/pipelines`,
          { sha: root.sha },
          Pipeline,
        )
        const counted = siblings.filter((pipeline) => countsAsDelivery(config.pipelines, pipeline))
        const attempts = yield* Effect.forEach(counted, (pipeline) =>
          pipelineJobs(http, project.id, pipeline.id).pipe(
            Effect.map((jobs) => (Either.isRight(jobs) ? pipelineAttempts(pipeline, jobs.right) : [])),
          ),
        )
        const context = yield* itemOf(project, root)
        return ciStays(PIPELINE_STAYS, context, stages.pipeline!, attempts.flat()).events
      })
    if (event === 'Merge Request Hook') {
      const hook = yield* decodeBody('gitlab', MergeRequestHook, 'Merge Request Hook webhook', payload)
      const base = `/projects/${hook.project.id}/merge_requests/${hook.object_attributes.iid}`
      const [mergeRequest, notes, commits] = yield* Effect.all([
        getOne(http, base, MergeRequest),
        listAll(http, `${base}/notes`, { sort: 'asc', order_by: 'created_at' }, Note),
        listAll(http, `${base}/commits`, {}, Commit),
      ])
      return mergeRequestEvents(
        hook.project.path_with_namespace,
        mergeRequest,
        notes,
        commits,
        stages,
        config,
      )
    }
    if (event === 'Pipeline Hook') {
      const hook = yield* decodeBody('gitlab', PipelineHook, 'Pipeline Hook webhook', payload)
      const parent = hook.source_pipeline ?? undefined
      if (parent !== undefined && parent.project_id !== hook.project.id) return []
      return yield* commitStays(hook.project, parent?.pipeline_id ?? hook.object_attributes.id)
    }
    if (event === 'Job Hook') {
      const hook = yield* decodeBody('gitlab', JobHook, 'Job Hook webhook', payload)
      return yield* commitStays(hook.project, hook.pipeline_id)
    }
    if (event === 'Deployment Hook') {
      const hook = yield* decodeBody('gitlab', DeploymentHook, 'Deployment Hook webhook', payload)
      const deployment = yield* getOne(
        http,
        `/projects/${hook.project.id}/deployments/${hook.deployment_id}`,
        Deployment,
      )
      const context = yield* itemOf(hook.project, deployment)
      return deploymentEvents(
        context,
        deployment,
        stages,
        config.productionEnvironment,
        emitsDone(config, 'production-deploy'),
      )
    }
    return []
  }).pipe(Effect.mapError(readApiHint))
