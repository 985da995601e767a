/**
 * `@herbie/gitlab`: merge requests, pipelines with their jobs, and deployments of GitLab
 * (GitLab.com or self-managed) as Herbie stage events, by REST backfill or webhooks.
 *
 * @since 0.1.0
 */
import { defineAdapter } from '@herbie/core'
import { backfill } from './backfill.js'
import { GitlabCheckpoint } from './checkpoint.js'
import { GitlabConfig } from './config.js'
import { defaultStages } from './mapping.js'
import { mapDelivery, verifyDelivery } from './webhook.js'

export { Bridge, Commit, Deployment, Job, MergeRequest, Note, Pipeline, Project } from './api.js'
export { backfill } from './backfill.js'
export { boundState, CHECKPOINT_LIMITS, GitlabCheckpoint, ProjectState } from './checkpoint.js'
export { emitsDone, GitlabConfig } from './config.js'
export { deploymentEvents, finishedAt, isProduction, productionSuccessAt } from './deploymentEvents.js'
export {
  defaultStages,
  type GitlabFact,
  gitlabEvents,
  mergeRequestItemId,
  mergeRequestKey,
} from './mapping.js'
export {
  isDraft,
  mergedEvent,
  mergeRequestContext,
  mergeRequestEvents,
  mergeRequestShas,
} from './mergeRequestEvents.js'
export { IDLE_GAP_MS, pipelineAttempts } from './pipelineAttempts.js'
export {
  countsAsDelivery,
  DELIVERY_SOURCES,
  defaultPipelineFilter,
  PipelineFilter,
} from './pipelineFilter.js'
export { PIPELINE_STAYS, pipelineJobs } from './pipelineSync.js'
export { bareCommitContext, joinKey } from './projectSync.js'
export { issueLinks } from './references.js'
export { readApiHint } from './scopeHint.js'
export { apiBase, httpSettings } from './settings.js'
export { gitlabTime, secondsBefore } from './time.js'
export { tokenProblem } from './token.js'
export { mapDelivery, verifyDelivery } from './webhook.js'

/**
 * The GitLab adapter, ready for `runBackfill` and the webhook server.
 *
 * @since 0.1.0
 * @category adapter
 */
export const gitlabAdapter = defineAdapter({
  name: 'gitlab',
  joinsTo: 'a merge request',
  config: GitlabConfig,
  checkpoint: GitlabCheckpoint,
  checkpointKey: (config) =>
    [...config.projects, ...config.groups.map((group) => `group:${group}`)].sort().join(','),
  stages: defaultStages,
  backfill: (config, checkpoint, stages) => backfill(config, checkpoint, stages),
  webhook: { verify: verifyDelivery, map: mapDelivery },
})
