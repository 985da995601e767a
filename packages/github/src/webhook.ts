import {
  type HttpError,
  type HttpTransport,
  MalformedPayload,
  type StageEventEncoded,
  type StageMapping,
  type WebhookDelivery,
  WebhookRejected,
} from '@herbie/core'
import { Effect, Redacted, Schema } from 'effect'
import { Deployment, DeploymentStatus, decodeBody, Pull, WorkflowRun } from './api.js'
import { bareCommitContext, commitContext } from './commitContext.js'
import type { GithubConfig } from './config.js'
import { deploymentEvents } from './deploymentEvents.js'
import { type EventContext, stageEvent } from './event.js'
import { pullItemId } from './mapping.js'
import { mergedEvent, pullContext } from './pullEvents.js'
import { runEvents, runKey } from './runEvents.js'
import { httpSettings } from './settings.js'
import { signatureProblem } from './signature.js'

/**
 * Verifies a delivery's signature before anything reads its body; without a configured secret
 * every delivery is refused.
 *
 * @since 0.1.0
 * @category webhooks
 */
export const verifyDelivery = (
  config: GithubConfig,
  delivery: WebhookDelivery,
): Effect.Effect<void, WebhookRejected> => {
  if (config.webhookSecret === undefined) {
    return Effect.fail(new WebhookRejected({ source: 'github', reason: 'no webhook secret configured' }))
  }
  const problem = signatureProblem(
    Redacted.value(config.webhookSecret),
    delivery.rawBody,
    delivery.headers['x-hub-signature-256'],
  )
  return problem === undefined
    ? Effect.void
    : Effect.fail(new WebhookRejected({ source: 'github', reason: problem }))
}

const Repository = Schema.Struct({ full_name: Schema.String })
const PullRequestHook = Schema.Struct({ action: Schema.String, pull_request: Pull, repository: Repository })
const ReviewHook = Schema.Struct({
  action: Schema.String,
  review: Schema.Struct({ state: Schema.String, submitted_at: Schema.NullOr(Schema.String) }),
  pull_request: Pull,
  repository: Repository,
})
const RunHook = Schema.Struct({ action: Schema.String, workflow_run: WorkflowRun, repository: Repository })
const JobHook = Schema.Struct({
  action: Schema.String,
  workflow_job: Schema.Struct({
    run_id: Schema.Number,
    run_attempt: Schema.optionalWith(Schema.Number, { default: () => 1 }),
    workflow_name: Schema.optional(Schema.NullOr(Schema.String)),
    head_sha: Schema.String,
    started_at: Schema.NullOr(Schema.String),
  }),
  repository: Repository,
})
const DeploymentStatusHook = Schema.Struct({
  action: Schema.String,
  deployment_status: DeploymentStatus,
  deployment: Deployment,
  repository: Repository,
})

const parse = (delivery: WebhookDelivery) =>
  Effect.try({
    try: () => JSON.parse(Buffer.from(delivery.rawBody).toString('utf8')) as unknown,
    catch: (cause) =>
      new MalformedPayload({
        source: 'github',
        path: '$',
        reason: `body is not JSON: ${(cause as Error).message}`,
      }),
  })

/**
 * Maps a verified delivery to stage events with the same ids the backfill gives the same facts,
 * so webhooks and syncs never double count: `pull_request` (opened ready, ready_for_review,
 * merged), `pull_request_review` (first review, approval), `workflow_run`, `workflow_job` (the
 * first job in progress starts the run's CI stay), `deployment_status`. A run or deployment whose
 * payload names no pull request is joined to one through `GET /commits/{sha}/pulls`, as the
 * backfill does. Other events (`ping`, `check_run`...) map to nothing.
 *
 * @since 0.1.0
 * @category webhooks
 */
export const mapDelivery = (
  config: GithubConfig,
  delivery: WebhookDelivery,
  stages: StageMapping,
): Effect.Effect<ReadonlyArray<StageEventEncoded>, HttpError, HttpTransport> =>
  Effect.gen(function* () {
    const event = delivery.headers['x-github-event'] ?? ''
    const payload = yield* parse(delivery)
    const itemOf = (repository: string, sha: string, pull: number | undefined) =>
      pull === undefined
        ? commitContext(httpSettings(config), repository, sha, config)
        : Effect.succeed<EventContext>({
            ...bareCommitContext(repository, sha),
            itemId: pullItemId(repository, pull),
          })
    if (event === 'pull_request') {
      const hook = yield* decodeBody(PullRequestHook, 'pull_request webhook', payload)
      const repository = hook.repository.full_name
      const context = pullContext(repository, hook.pull_request, [], config)
      const pull = hook.pull_request
      const ready = (at: string) => [
        stageEvent(context, 'coding', stages['pr.coding']!, 'exit', at),
        stageEvent(context, 'awaiting-review', stages['pr.awaiting-review']!, 'enter', at),
      ]
      if (hook.action === 'opened' && !pull.draft) return ready(pull.created_at)
      if (hook.action === 'ready_for_review') return ready(pull.updated_at)
      if (hook.action === 'closed' && pull.merged_at !== null && config.doneAt === 'merge') {
        return [mergedEvent(context, stages, pull.merged_at)]
      }
      return []
    }
    if (event === 'pull_request_review') {
      const hook = yield* decodeBody(ReviewHook, 'pull_request_review webhook', payload)
      const at = hook.review.submitted_at
      if (hook.action !== 'submitted' || at === null) return []
      const context = pullContext(hook.repository.full_name, hook.pull_request, [], config)
      const events = [
        stageEvent(context, 'awaiting-review', stages['pr.awaiting-review']!, 'exit', at),
        stageEvent(context, 'in-review', stages['pr.in-review']!, 'enter', at),
      ]
      if (hook.review.state.toLowerCase() === 'approved')
        events.push(stageEvent(context, 'in-review', stages['pr.in-review']!, 'exit', at))
      return events
    }
    if (event === 'workflow_run') {
      const hook = yield* decodeBody(RunHook, 'workflow_run webhook', payload)
      const run = hook.workflow_run
      const context = yield* itemOf(hook.repository.full_name, run.head_sha, run.pull_requests?.[0]?.number)
      return runEvents(context, run, [], stages)
    }
    if (event === 'workflow_job') {
      const hook = yield* decodeBody(JobHook, 'workflow_job webhook', payload)
      const job = hook.workflow_job
      if (hook.action !== 'in_progress' || job.started_at === null) return []
      const context = yield* itemOf(hook.repository.full_name, job.head_sha, undefined)
      return [
        stageEvent(
          context,
          runKey(job.run_id, job.run_attempt),
          stages['actions.run']!,
          'enter',
          job.started_at,
          {
            attributes: { workflow: job.workflow_name ?? 'workflow', runId: job.run_id },
          },
        ),
      ]
    }
    if (event === 'deployment_status') {
      const hook = yield* decodeBody(DeploymentStatusHook, 'deployment_status webhook', payload)
      const context = yield* itemOf(hook.repository.full_name, hook.deployment.sha, undefined)
      return deploymentEvents(
        context,
        hook.deployment,
        [hook.deployment_status],
        stages,
        config.doneAt === 'production-deploy',
      )
    }
    return []
  })
