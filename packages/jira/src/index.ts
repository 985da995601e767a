/**
 * `@herbie/jira`: Jira Cloud and Data Center issues as Herbie stage events: status transitions
 * as stage stays, Done as a done candidate, reopens as rework, abandoning resolutions as
 * abandoned items, issue types as flow item kinds, by backfill over JQL or issue webhooks.
 *
 * @since 0.1.0
 */
import { defineAdapter } from '@herbie/core'
import { backfill } from './backfill.js'
import { JiraCheckpoint } from './checkpoint.js'
import { JiraConfig } from './config.js'
import { defaultStages } from './mapping.js'
import { mapDelivery, verifyDelivery } from './webhook.js'

export {
  ChangeItem,
  Changelog,
  ChangelogPage,
  CloudSearchPage,
  DataCenterSearchPage,
  History,
  Issue,
  IssueFields,
  IssueLink,
  JiraTimestamp,
  Status,
  StatusCategory,
} from './api.js'
export { backfill } from './backfill.js'
export { JiraCheckpoint } from './checkpoint.js'
export { apiRoot, DEFAULT_ABANDON_RESOLUTIONS, JiraConfig, type Platform, platformOf } from './config.js'
export { issueContext, issueItemId } from './context.js'
export { issueEvents, sortHistories } from './issueEvents.js'
export { incrementalJql, jqlDateAfter, jqlDateSince, OVERLAP_MINUTES } from './jql.js'
export { DEFAULT_KINDS, FlowKind, kindOf } from './kinds.js'
export { defaultStages, type JiraFact } from './mapping.js'
export {
  changelogComplete,
  fullHistories,
  getIssue,
  ISSUE_FIELDS,
  listStatuses,
  searchPages,
} from './requests.js'
export { authOf, describeRefusal, httpSettings, type JiraAuth } from './settings.js'
export { signatureProblem, tokenProblem } from './signature.js'
export {
  type StatusCategories,
  type StatusStages,
  statusCategories,
  statusStages,
  waitStageName,
} from './statusStage.js'
export { jiraTime } from './time.js'
export { mapDelivery, verifyDelivery } from './webhook.js'
export { WebhookPayload } from './webhookPayload.js'

/**
 * The Jira adapter, ready for `runBackfill` and the webhook server.
 *
 * @since 0.1.0
 * @category adapter
 */
export const jiraAdapter = defineAdapter({
  name: 'jira',
  joinsTo: 'an issue',
  config: JiraConfig,
  checkpoint: JiraCheckpoint,
  checkpointKey: (config) => `${config.baseUrl.replace(/\/+$/, '')} ${config.jql}`,
  stages: defaultStages,
  backfill: (config, checkpoint, stages) => backfill(config, checkpoint, stages),
  webhook: { verify: verifyDelivery, map: mapDelivery },
})
