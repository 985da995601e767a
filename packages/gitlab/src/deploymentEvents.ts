import type { EventContext, Outcome, StageEventEncoded, StageMapping } from '@herbie/core'
import type { Deployment } from './api.js'
import { gitlabEvents } from './mapping.js'
import { gitlabTime, secondsBefore } from './time.js'

const { stayEvents } = gitlabEvents

const FINAL: Record<string, Outcome> = {
  success: 'success',
  failed: 'failure',
  canceled: 'cancelled',
  skipped: 'cancelled',
}

/**
 * Whether a deployment targets production: its environment's tier is `production` (GitLab 13.10
 * and later), or the environment's name matches the pattern (`^prod(uction)?$` by default).
 *
 * @since 0.1.0
 * @category mapping
 */
export const isProduction = (deployment: Pick<Deployment, 'environment'>, pattern: string): boolean =>
  deployment.environment.tier === 'production' || new RegExp(pattern, 'i').test(deployment.environment.name)

/**
 * When a deployment reached its final status (its `updated_at`, as GitLab's own
 * `first_deployed_to_production_at` has it), or undefined while it is not final.
 *
 * @since 0.1.0
 * @category mapping
 */
export const finishedAt = (deployment: Deployment): string | undefined =>
  deployment.status in FINAL ? gitlabTime(deployment.updated_at) : undefined

/**
 * When a production deployment succeeded, else undefined: the item's done candidate when it is
 * the item's first.
 *
 * @since 0.1.0
 * @category mapping
 */
export const productionSuccessAt = (deployment: Deployment, pattern: string): string | undefined =>
  deployment.status === 'success' && isProduction(deployment, pattern) ? finishedAt(deployment) : undefined

/**
 * A deployment as a wait (its job queued until it runs) and a deploy stay (the job running until
 * the deployment's final status, with the outcome), both tagged with the environment. GitLab
 * creates a deployment with its pipeline, long before it runs: the time until its job is queued
 * (a manual job waiting to be played, an approval) is no stay of the deployment; it is the wait
 * in front of the deploy stage. A deployment with no job (made through the API) runs from its
 * creation. With `done`, when it is the item's first successful production deployment, it also
 * yields the item's done candidate, marked `doneRule: "production-deploy"`.
 *
 * @since 0.1.0
 * @category mapping
 */
export const deploymentEvents = (
  context: EventContext,
  deployment: Deployment,
  stages: StageMapping,
  productionPattern: string,
  done: boolean,
): StageEventEncoded[] => {
  const job = deployment.deployable
  const started =
    job === null
      ? gitlabTime(deployment.created_at)
      : job.started_at === null
        ? undefined
        : gitlabTime(job.started_at)
  const finished = finishedAt(deployment)
  const production = isProduction(deployment, productionPattern)
  const attributes = {
    environment: deployment.environment.name,
    production,
    deploymentId: deployment.id,
    ...(deployment.environment.tier === undefined || deployment.environment.tier === null
      ? {}
      : { tier: deployment.environment.tier }),
  }
  const key = `deployment:${deployment.id}`
  const deploymentContext: EventContext = {
    ...context,
    links: [
      ...context.links,
      { kind: 'deployment', id: String(deployment.id) },
      { kind: 'environment', id: deployment.environment.name },
    ],
  }
  const events: StageEventEncoded[] = []
  if (started !== undefined && job !== null) {
    const queued = job.queued_duration === null ? started : secondsBefore(started, job.queued_duration)
    events.push(
      ...stayEvents(deploymentContext, `${key}:waiting`, stages['deployment.waiting']!, queued, started, {
        attributes,
      }),
    )
  }
  const running = started ?? finished
  if (running !== undefined) {
    events.push(
      ...stayEvents(deploymentContext, `${key}:running`, stages['deployment.running']!, running, finished, {
        ...(finished === undefined ? {} : { outcome: FINAL[deployment.status]! }),
        attributes,
      }),
    )
  }
  const succeeded = productionSuccessAt(deployment, productionPattern)
  if (done && succeeded !== undefined) {
    events.push(gitlabEvents.doneCandidate(context, key, stages.done!, succeeded, 'production-deploy'))
  }
  return events
}
