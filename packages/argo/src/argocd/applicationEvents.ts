import type { EventContext, Outcome, StageEventEncoded, StageMapping } from '@herbie/core'
import { imageShas, revisionContext } from '../revision.js'
import type { Application, RevisionHistory, SyncWindows } from './api.js'
import type { AppState, OpenWait } from './checkpoint.js'
import type { ArgocdConfig } from './config.js'
import { type DeployedRevision, deployedRevision } from './deployedRevision.js'
import { appKey, environmentOf, isProductionEnvironment } from './environment.js'
import { argocdEvents } from './mapping.js'

const { stayEvents, doneCandidate } = argocdEvents

const FAILED = new Set(['Failed', 'Error'])
const RUNNING = new Set(['Running', 'Terminating'])

/**
 * The outcome of the newest history entry, read from the application's health as Argo CD reports
 * it now: `Healthy` is a success, `Degraded` a failure (the revision does not run healthy);
 * while it is `Progressing`, `Suspended`, `Missing` or `Unknown` the outcome is not known yet and
 * the entry waits for a later sync. Older entries were replaced by a later successful sync:
 * success.
 *
 * @since 0.1.0
 * @category mapping
 */
export const entryOutcome = (newest: boolean, health: string | undefined): Outcome | undefined => {
  if (!newest) return 'success'
  if (health === 'Healthy') return 'success'
  if (health === 'Degraded') return 'failure'
  return undefined
}

/**
 * Why an application out of sync waits, or undefined: `sync-window` when its sync windows say
 * it may not sync now (`canSync: false`), `manual-sync` when automated sync is off (no
 * `spec.syncPolicy.automated`, or `enabled: false`).
 *
 * @since 0.1.0
 * @category mapping
 */
export const waitReason = (app: Application, windows: SyncWindows | undefined): string | undefined => {
  if (windows?.canSync === false) return 'sync-window'
  const automated = app.spec.syncPolicy?.automated
  return automated === undefined || automated.enabled === false ? 'manual-sync' : undefined
}

/**
 * What mapping one application yields: its events and its state for the next sync.
 *
 * @since 0.1.0
 * @category mapping
 */
export interface MappedApplication {
  readonly events: StageEventEncoded[]
  readonly state: AppState
}

/**
 * Maps one application to stage events (see docs/argo.md):
 * - each history entry newer than the state's (or whose outcome waited) is a stay in the `sync`
 *   fact's stage, keyed `APP:history:ID`, from `deployStartedAt` (or `deployedAt` when the entry
 *   predates it) to `deployedAt`, with the outcome of {@link entryOutcome}; a successful one of a
 *   production application is also the item's done candidate (`production-deploy`);
 * - the last operation, when it `Failed` or ended in `Error` and was not written before, is a
 *   stay `APP:sync:STARTED` from `startedAt` to `finishedAt` with outcome `failure`;
 * - an application out of sync that waits ({@link waitReason}) is a stay in the `waiting`
 *   fact's stage, entered at the first `reconciledAt` that saw it wait and left when a sync
 *   starts (its `startedAt`), or else at the `reconciledAt` that no longer saw it wait.
 * With `waits` false (a webhook, which has no state to know when a wait began) no wait is
 * mapped. Each event belongs to the item of the revision synced (see `revisionContext`), carries the
 * application, project, environment and `production`, and links the environment; the newest
 * entry also links the commits its images' tags name.
 *
 * @since 0.1.0
 * @category mapping
 */
export const applicationEvents = (
  config: ArgocdConfig,
  stages: StageMapping,
  app: Application,
  previous: AppState | undefined,
  windows?: SyncWindows,
  waits = true,
): MappedApplication => {
  const key = appKey(app)
  const status = app.status
  const environment = environmentOf(config, app)
  const production = isProductionEnvironment(config, environment)
  const own = {
    application: key,
    project: app.spec.project,
    production,
    ...(environment === undefined ? {} : { environment }),
  }
  const contextOf = (deployed: DeployedRevision, shas: ReadonlyArray<string> = []): EventContext => {
    const base = revisionContext(
      deployed.repository,
      deployed.revision,
      `argocd:${key}@${deployed.revision ?? 'unknown'}`,
      shas,
    )
    return {
      ...base,
      links: [
        ...base.links,
        ...(environment === undefined ? [] : [{ kind: 'environment' as const, id: environment }]),
      ],
    }
  }
  const events: StageEventEncoded[] = []
  const history = [...(status?.history ?? [])].sort((a, b) => a.id - b.id)
  const newestId = history.at(-1)?.id
  const pending = new Set(previous?.pending ?? [])
  const fresh = (entry: RevisionHistory) =>
    previous === undefined || entry.id > previous.lastHistoryId || pending.has(entry.id)
  const stillPending: number[] = []
  for (const entry of history.filter(fresh)) {
    const newest = entry.id === newestId
    const outcome = entryOutcome(newest, status?.health?.status)
    const context = contextOf(
      deployedRevision(config, entry, app.spec.source ?? app.spec.sources?.[0]),
      newest ? imageShas(status?.summary?.images ?? []) : [],
    )
    const entryKey = `${key}:history:${entry.id}`
    const attributes = { ...own, historyId: entry.id }
    events.push(
      ...stayEvents(
        context,
        entryKey,
        stages.sync!,
        entry.deployStartedAt ?? entry.deployedAt,
        outcome === undefined ? undefined : entry.deployedAt,
        {
          ...(outcome === undefined ? {} : { outcome }),
          attributes,
          ...(newest && status?.health?.status !== undefined
            ? { exitAttributes: { health: status.health.status } }
            : {}),
        },
      ),
    )
    if (outcome === undefined) stillPending.push(entry.id)
    if (outcome === 'success' && production) {
      events.push(
        doneCandidate(context, entryKey, stages.done!, entry.deployedAt, 'production-deploy', attributes),
      )
    }
  }
  const operation = status?.operationState
  let failedAt = previous?.failedAt
  if (
    operation !== undefined &&
    FAILED.has(operation.phase) &&
    operation.finishedAt !== undefined &&
    operation.startedAt !== previous?.failedAt
  ) {
    const synced = operation.syncResult ?? operation.operation.sync ?? {}
    const context = contextOf(deployedRevision(config, synced, app.spec.source ?? app.spec.sources?.[0]))
    events.push(
      ...stayEvents(
        context,
        `${key}:sync:${operation.startedAt}`,
        stages.sync!,
        operation.startedAt,
        operation.finishedAt,
        {
          outcome: 'failure',
          attributes: own,
          exitAttributes: { phase: operation.phase },
        },
      ),
    )
    failedAt = operation.startedAt
  }
  const waiting = waits
    ? nextWait(config, stages, app, previous?.waiting, windows, contextOf, own, events)
    : undefined
  return {
    events,
    state: {
      lastHistoryId: Math.max(previous?.lastHistoryId ?? -1, newestId ?? -1),
      pending: stillPending,
      ...(failedAt === undefined ? {} : { failedAt }),
      ...(waiting === undefined ? {} : { waiting }),
    },
  }
}

/** Opens, keeps or closes the application's wait; pushes the events and returns the wait still open. */
const nextWait = (
  config: ArgocdConfig,
  stages: StageMapping,
  app: Application,
  open: OpenWait | undefined,
  windows: SyncWindows | undefined,
  contextOf: (deployed: DeployedRevision) => EventContext,
  own: Readonly<Record<string, string | number | boolean>>,
  events: StageEventEncoded[],
): OpenWait | undefined => {
  const status = app.status
  const observed = status?.reconciledAt
  const operation = status?.operationState
  const revision = status?.sync?.revision
  const reason =
    status?.sync?.status === 'OutOfSync' && (operation === undefined || !RUNNING.has(operation.phase))
      ? waitReason(app, windows)
      : undefined
  const waitsNow = reason !== undefined && revision !== undefined && observed !== undefined
  if (open !== undefined && waitsNow && open.revision === revision) return open
  if (open !== undefined) {
    const started =
      operation !== undefined && Date.parse(operation.startedAt) >= Date.parse(open.since)
        ? operation.startedAt
        : undefined
    const left = started ?? observed
    if (left === undefined) return open
    events.push(
      argocdEvents.stageEvent(open.context, open.key, stages.waiting!, 'exit', left, {
        attributes: { ...own, waitingFor: open.reason },
      }),
    )
  }
  if (!waitsNow) return undefined
  const context = contextOf(deployedRevision(config, { revision }, app.spec.source ?? app.spec.sources?.[0]))
  const waitKey = `${appKey(app)}:waiting:${observed}`
  events.push(
    argocdEvents.stageEvent(context, waitKey, stages.waiting!, 'enter', observed, {
      attributes: { ...own, waitingFor: reason },
    }),
  )
  return { key: waitKey, since: observed, reason, revision, context }
}
