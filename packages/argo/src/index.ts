/**
 * `@herbie/argo`: Argo CD application syncs (deploys, failed syncs, syncs waiting for a person or
 * a sync window) and Argo Workflows nodes (CI and deploy steps, approvals) as Herbie stage
 * events, by backfill over their REST APIs or Argo CD's notifications webhook.
 *
 * @since 0.1.0
 */
import { defineAdapter } from '@herbie/core'
import { backfill as argocdBackfill } from './argocd/backfill.js'
import { ArgocdCheckpoint } from './argocd/checkpoint.js'
import { ArgocdConfig } from './argocd/config.js'
import { defaultStages as argocdStages } from './argocd/mapping.js'
import { mapDelivery, verifyDelivery } from './argocd/webhook.js'
import { backfill as workflowsBackfill } from './workflows/backfill.js'
import { ArgoWorkflowsCheckpoint } from './workflows/checkpoint.js'
import { ArgoWorkflowsConfig } from './workflows/config.js'
import { defaultStages as workflowStages } from './workflows/mapping.js'

export {
  Application,
  ApplicationList,
  ApplicationSource,
  OperationState,
  RevisionHistory,
  SyncWindows,
} from './argocd/api.js'
export {
  applicationEvents,
  entryOutcome,
  type MappedApplication,
  waitReason,
} from './argocd/applicationEvents.js'
export { backfill as argocdBackfill } from './argocd/backfill.js'
export { AppState, ArgocdCheckpoint, OpenWait } from './argocd/checkpoint.js'
export { ArgocdConfig, EnvironmentSource } from './argocd/config.js'
export { type DeployedRevision, deployedRevision } from './argocd/deployedRevision.js'
export { appKey, environmentOf, isProductionEnvironment } from './argocd/environment.js'
export { type ArgocdFact, argocdEvents, defaultStages as argocdStages } from './argocd/mapping.js'
export { getApplication, listApplications, listPath, syncWindowsOf } from './argocd/requests.js'
export { ARGOCD, httpSettings as argocdHttpSettings } from './argocd/settings.js'
export {
  mapDelivery as mapArgocdDelivery,
  Notification,
  TOKEN_HEADER,
  verifyDelivery as verifyArgocdDelivery,
} from './argocd/webhook.js'
export { BaseUrl } from './baseUrl.js'
export {
  Hosts,
  imageShas,
  isSha,
  type KnownRepository,
  knownRepository,
  revisionContext,
} from './revision.js'
export { type ArgoServer, argoHttpSettings, describeRefusal, GrpcError } from './settings.js'
export { NodeStatus, Workflow, WorkflowList } from './workflows/api.js'
export { backfill as argoWorkflowsBackfill } from './workflows/backfill.js'
export {
  ArgoWorkflowsCheckpoint,
  boundWorkflowCheckpoint,
  SeenWorkflow,
  WORKFLOW_CHECKPOINT_LIMITS,
} from './workflows/checkpoint.js'
export { ArgoWorkflowsConfig, defaultTemplatePatterns } from './workflows/config.js'
export {
  type ArgoWorkflowsFact,
  defaultStages as argoWorkflowsStages,
  workflowEvents,
} from './workflows/mapping.js'
export { nodeEvents, phaseOutcome, templateOf, type WorkflowNodes } from './workflows/nodeEvents.js'
export {
  getArchivedWorkflow,
  getWorkflow,
  listArchivedWorkflows,
  listWorkflows,
} from './workflows/requests.js'
export { ARGO_WORKFLOWS, httpSettings as argoWorkflowsHttpSettings } from './workflows/settings.js'
export { workflowContext, workflowName, workflowRepository } from './workflows/workflowContext.js'

/**
 * The Argo CD adapter, ready for `runBackfill` and the webhook server.
 *
 * @since 0.1.0
 * @category adapter
 */
export const argocdAdapter = defineAdapter({
  name: 'argocd',
  joinsTo: 'a commit',
  config: ArgocdConfig,
  checkpoint: ArgocdCheckpoint,
  checkpointKey: (config) =>
    [
      config.baseUrl.replace(/\/+$/, ''),
      [...config.apps].sort().join(','),
      [...config.projects].sort().join(','),
      config.selector ?? '',
    ].join(' '),
  stages: argocdStages,
  backfill: (config, checkpoint, stages) => argocdBackfill(config, checkpoint, stages),
  webhook: { verify: verifyDelivery, map: mapDelivery },
})

/**
 * The Argo Workflows adapter, ready for `runBackfill`.
 *
 * @since 0.1.0
 * @category adapter
 */
export const argoWorkflowsAdapter = defineAdapter({
  name: 'argo-workflows',
  joinsTo: 'a commit',
  config: ArgoWorkflowsConfig,
  checkpoint: ArgoWorkflowsCheckpoint,
  checkpointKey: (config) =>
    [config.baseUrl.replace(/\/+$/, ''), config.namespace ?? '*', config.labelSelector ?? ''].join(' '),
  stages: workflowStages,
  backfill: (config, checkpoint, stages) => workflowsBackfill(config, checkpoint, stages),
})
