import {
  type EventContext,
  type HttpError,
  type HttpTransport,
  type StageEventEncoded,
  type StageMapping,
  unlessGone,
  type WebhookDelivery,
  WebhookRejected,
  webhookJson,
} from '@herbie/core'
import { Effect, Either, Redacted, Schema, Stream } from 'effect'
import { Deployment, DeploymentStatus, decodeBody, Pull, WorkflowRun, WorkflowRunPage } from './api.js'
import { ciStays } from './ciStays.js'
import { commitContext } from './commitContext.js'
import { emitsDone, type GithubConfig } from './config.js'
import { deploymentEvents } from './deploymentEvents.js'
import { stageEvent } from './event.js'
import { mergedEvent, pullContext } from './pullEvents.js'
import { getOne, type Http, list } from './repositorySync.js'
import { runAttempts } from './runAttempts.js'
import { countsAsDelivery } from './runFilter.js'
import { jobsOf } from './runSync.js'
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
  workflow_job: Schema.Struct({ run_id: Schema.Number, head_sha: Schema.String }),
  repository: Repository,
})

/**
 * The CI stays of a commit as the backfill builds them: every run of the commit the filter
 * counts (`GET /actions/runs?head_sha=`), with the jobs of each attempt, united by overlap. A
 * delivery about one run thus yields the stay it belongs to under the key the backfill gives it.
 * Runs of other commits of the pull request that overlap these are united only by the backfill.
 */
const commitStays = (
  http: Http,
  repository: string,
  sha: string,
  context: EventContext,
  stages: StageMapping,
): Effect.Effect<ReadonlyArray<StageEventEncoded>, HttpError, HttpTransport> =>
  list(http, `/repos/${repository}/actions/runs`, { head_sha: sha }, WorkflowRunPage).pipe(
    Stream.runCollect,
    Effect.map((pages) =>
      [...pages]
        .flatMap((page) => page.workflow_runs)
        .filter((run) => countsAsDelivery(http.config.runs, run)),
    ),
    Effect.flatMap((runs) =>
      Effect.forEach(runs, (run) =>
        jobsOf(http, repository, run).pipe(
          Effect.map((jobs) => (Either.isRight(jobs) ? runAttempts(run, jobs.right) : [])),
        ),
      ),
    ),
    Effect.map((attempts) => ciStays(context, stages['actions.run']!, attempts.flat()).events),
  )
const DeploymentStatusHook = Schema.Struct({
  action: Schema.String,
  deployment_status: DeploymentStatus,
  deployment: Deployment,
  repository: Repository,
})

/**
 * Maps a verified delivery to stage events with the same ids the backfill gives the same facts,
 * so webhooks and syncs never double count: `pull_request` (opened ready, ready_for_review, the
 * merge done candidate), `pull_request_review` (first review, approval), `workflow_run` and
 * `workflow_job` (a job in progress: the CI stays of the run's commit, see the run filter),
 * `deployment_status`. Runs and deployments join their pull request through
 * `GET /commits/{sha}/pulls`, as the backfill does. Other events (`ping`, `check_run`...) map to
 * nothing.
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
    const payload = yield* webhookJson('github', delivery)
    const http = { settings: httpSettings(config), config }
    const itemOf = (repository: string, sha: string) =>
      commitContext(http.settings, repository, sha, config).pipe(Effect.map(({ context }) => context))
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
      if (hook.action === 'closed' && pull.merged_at !== null && emitsDone(config, 'merge')) {
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
      if (!countsAsDelivery(config.runs, run)) return []
      const repository = hook.repository.full_name
      return yield* commitStays(
        http,
        repository,
        run.head_sha,
        yield* itemOf(repository, run.head_sha),
        stages,
      )
    }
    if (event === 'workflow_job') {
      const hook = yield* decodeBody(JobHook, 'workflow_job webhook', payload)
      const job = hook.workflow_job
      if (hook.action !== 'in_progress') return []
      const repository = hook.repository.full_name
      const run = yield* unlessGone(
        getOne(http, `/repos/${repository}/actions/runs/${job.run_id}`, WorkflowRun),
        'run deleted',
      )
      if (Either.isLeft(run) || !countsAsDelivery(config.runs, run.right)) return []
      return yield* commitStays(
        http,
        repository,
        job.head_sha,
        yield* itemOf(repository, job.head_sha),
        stages,
      )
    }
    if (event === 'deployment_status') {
      const hook = yield* decodeBody(DeploymentStatusHook, 'deployment_status webhook', payload)
      const context = yield* itemOf(hook.repository.full_name, hook.deployment.sha)
      return deploymentEvents(
        context,
        hook.deployment,
        [hook.deployment_status],
        stages,
        emitsDone(config, 'production-deploy'),
      )
    }
    return []
  })
