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
