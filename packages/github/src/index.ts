/**
 * `@herbie/github`: pull requests, reviews, Actions runs and deployments of GitHub (or GitHub
 * Enterprise Server) as Herbie stage events, by REST backfill or webhooks.
 *
 * @since 0.1.0
 */
import { defineAdapter } from '@herbie/core'
import { backfill } from './backfill.js'
import { GithubCheckpoint } from './checkpoint.js'
import { GithubConfig } from './config.js'
import { defaultStages } from './mapping.js'
import { mapDelivery, verifyDelivery } from './webhook.js'

export {
  Deployment,
  DeploymentStatus,
  decodeBody,
  Issue,
  Job,
  JobPage,
  Pull,
  TimelineEvent,
  WorkflowRun,
  WorkflowRunPage,
} from './api.js'
export { backfill } from './backfill.js'
export {
  boundState,
  CHECKPOINT_LIMITS,
  emptyState,
  GithubCheckpoint,
  RepositoryState,
} from './checkpoint.js'
export { ciStays, RUN_STAYS, runKey } from './ciStays.js'
export { closingIssue } from './closingIssue.js'
export { bareCommitContext, commitContext } from './commitContext.js'
export { type Correlation, emitsDone, GithubConfig } from './config.js'
export { deploymentEvents, isProduction, isSettled, productionSuccessAt } from './deploymentEvents.js'
export { githubEvents, stageEvent, stayEvents } from './event.js'
export { issueContext, issueEvents } from './issueEvents.js'
export { defaultStages, type GithubFact, pullItemId } from './mapping.js'
export { mergedEvent, pullContext, pullEvents } from './pullEvents.js'
export { runAttempts, runOutcome } from './runAttempts.js'
export { countsAsDelivery, DELIVERY_EVENTS, defaultRunFilter, RunFilter } from './runFilter.js'
export { httpSettings } from './settings.js'
export { signatureProblem } from './signature.js'
export { mapDelivery, verifyDelivery } from './webhook.js'

/**
 * The GitHub adapter, ready for `runBackfill` and the webhook server.
 *
 * @since 0.1.0
 * @category adapter
 */
export const githubAdapter = defineAdapter({
  name: 'github',
  joinsTo: 'a pull request',
  config: GithubConfig,
  checkpoint: GithubCheckpoint,
  checkpointKey: (config) => [...config.repositories].sort().join(','),
  stages: defaultStages,
  backfill: (config, checkpoint, stages) => backfill(config, checkpoint, stages),
  webhook: { verify: verifyDelivery, map: mapDelivery },
})
