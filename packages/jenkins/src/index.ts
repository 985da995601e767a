/**
 * `@herbie/jenkins`: Jenkins builds, Pipeline stages, queue time and manual approvals as Herbie
 * stage events, by backfill over the JSON API or the Notification plugin's webhooks.
 *
 * @since 0.1.0
 */
import { defineAdapter } from '@herbie/core'
import { backfill } from './backfill.js'
import { JenkinsCheckpoint } from './checkpoint.js'
import { JenkinsConfig } from './config.js'
import { defaultStages } from './mapping.js'
import { mapDelivery, verifyDelivery } from './webhook.js'

// Moved to core, where the Argo adapters share them; still exported here as before.
export {
  classifyStage,
  parseRemote,
  type RemoteRepository,
  type StageClass,
  StagePattern,
} from '@herbie/core'
export {
  Action,
  Build,
  BuildPage,
  Cause,
  ChangeSet,
  JobNode,
  JobTree,
  RunDescription,
  Stage,
} from './api.js'
export { backfill } from './backfill.js'
export {
  type BuiltRevision,
  buildContext,
  builtRevision,
  changeMessages,
  mergeContexts,
  pullItemId,
} from './buildContext.js'
export {
  buildId,
  ciAttempts,
  type FetchedBuild,
  jenkinsEvents,
  type MappedBuilds,
  mapBuilds,
  spanEvents,
} from './buildEvents.js'
export { type BuildSpan, buildSpans, resultOutcome } from './buildSpans.js'
export {
  boundCheckpoint,
  CHECKPOINT_LIMITS,
  JenkinsCheckpoint,
  OpenBuild,
} from './checkpoint.js'
export { JenkinsConfig } from './config.js'
export { decodeBody } from './decode.js'
export { branchOf, type JobName, jobOfUrl, jobPath, pullNumberOf } from './job.js'
export { defaultStages, type JenkinsFact } from './mapping.js'
export { NotificationPayload } from './notification.js'
export {
  BUILD_FIELDS,
  describeRun,
  getBuild,
  jobTreeFields,
  type ListedJob,
  listBuilds,
  listJobs,
  withStages,
} from './requests.js'
export { secretProblem } from './secret.js'
export { describeRefusal, httpSettings } from './settings.js'
export { defaultStagePatterns } from './stagePatterns.js'
export { isoFromMillis } from './time.js'
export { mapDelivery, verifyDelivery } from './webhook.js'

/**
 * The Jenkins adapter, ready for `runBackfill` and the webhook server.
 *
 * @since 0.1.0
 * @category adapter
 */
export const jenkinsAdapter = defineAdapter({
  name: 'jenkins',
  joinsTo: 'a work item',
  config: JenkinsConfig,
  checkpoint: JenkinsCheckpoint,
  checkpointKey: (config) => `${config.baseUrl.replace(/\/+$/, '')} ${[...config.jobs].sort().join(',')}`,
  stages: defaultStages,
  backfill: (config, checkpoint, stages) => backfill(config, checkpoint, stages),
  webhook: { verify: verifyDelivery, map: mapDelivery },
})
