import type { EventContext, StageEventEncoded, StageMapping } from '@herbie/core'
import type { Deployment, DeploymentStatus } from './api.js'
import { githubEvents, stayEvents } from './event.js'

const RUNNING = new Set(['in_progress'])
const FINAL: Record<string, 'success' | 'failure'> = {
  success: 'success',
  failure: 'failure',
  error: 'failure',
}

/**
 * Whether a deployment targets production: GitHub's `production_environment`, or an environment
 * named production or prod.
 *
 * @since 0.1.0
 * @category mapping
 */
export const isProduction = (deployment: Deployment): boolean =>
  deployment.production_environment || /^prod(uction)?$/i.test(deployment.environment)

const finalOf = (statuses: ReadonlyArray<DeploymentStatus>) =>
  [...statuses]
    .sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at))
    .find((status) => status.state in FINAL)

/**
 * When a production deployment succeeded (its final status is `success`), else undefined: the
 * item's done candidate when it is the item's first.
 *
 * @since 0.1.0
 * @category mapping
 */
export const productionSuccessAt = (
  deployment: Deployment,
  statuses: ReadonlyArray<DeploymentStatus>,
): string | undefined => {
  const final = finalOf(statuses)
  return isProduction(deployment) && final?.state === 'success' ? final.created_at : undefined
}

/**
 * Whether a deployment will change no more: it has a final status, or was made `inactive` by a
 * later one. An unsettled deployment is fetched again by the next sync.
 *
 * @since 0.1.0
 * @category mapping
 */
export const isSettled = (statuses: ReadonlyArray<DeploymentStatus>): boolean =>
  statuses.some((status) => status.state in FINAL || status.state === 'inactive')

/**
 * A deployment as a wait (created until it runs: a required reviewer, a free runner) and a deploy
 * stay (running until its final status, with the outcome), both tagged with the environment.
 * With `done`, when it is the item's first successful production deployment, it also yields the
 * item's done candidate, marked `doneRule: "production-deploy"`.
 *
 * @since 0.1.0
 * @category mapping
 */
export const deploymentEvents = (
  context: EventContext,
  deployment: Deployment,
  statuses: ReadonlyArray<DeploymentStatus>,
  stages: StageMapping,
  done: boolean,
): StageEventEncoded[] => {
  const ordered = [...statuses].sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at))
  const final = finalOf(statuses)
  const running = ordered.find((status) => RUNNING.has(status.state))?.created_at ?? final?.created_at
  const production = isProduction(deployment)
  const attributes = { environment: deployment.environment, production, deploymentId: deployment.id }
  const key = `deployment:${deployment.id}`
  const deploymentContext: EventContext = {
    ...context,
    links: [
      ...context.links,
      { kind: 'deployment', id: String(deployment.id) },
      { kind: 'environment', id: deployment.environment },
    ],
  }
  const events = stayEvents(
    deploymentContext,
    `${key}:waiting`,
    stages['deployment.waiting']!,
    deployment.created_at,
    running,
    {
      attributes,
    },
  )
  if (running !== undefined) {
    events.push(
      ...stayEvents(
        deploymentContext,
        `${key}:running`,
        stages['deployment.running']!,
        running,
        final?.created_at,
        {
          ...(final === undefined ? {} : { outcome: FINAL[final.state]! }),
          attributes,
        },
      ),
    )
  }
  const succeeded = productionSuccessAt(deployment, statuses)
  if (done && succeeded !== undefined) {
    events.push(githubEvents.doneCandidate(context, key, stages.done!, succeeded, 'production-deploy'))
  }
  return events
}
