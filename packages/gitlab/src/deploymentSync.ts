import { type BackfillItem, type HttpError, type HttpTransport, itemsOf } from '@herbie/core'
import { Effect } from 'effect'
import { Deployment } from './api.js'
import type { ProjectState } from './checkpoint.js'
import { emitsDone } from './config.js'
import { deploymentEvents, productionSuccessAt } from './deploymentEvents.js'
import { joinAll, joinKey, listAll, type ProjectSync } from './projectSync.js'

/**
 * What the deployments part of a sync yields: its backfill items and the items now done in
 * production.
 *
 * @since 0.1.0
 * @category backfill
 */
export interface DeploymentsSynced {
  readonly items: ReadonlyArray<BackfillItem<never>>
  readonly state: Pick<ProjectState, 'productionDone'>
}

/**
 * The deployments updated since the last sync (`updated_after`, ordered by `updated_at`: a
 * deployment still running then is listed again when it finishes), joined to their items by
 * commit. The item's done candidate is its first successful production deployment: later ones,
 * in this sync or after one an earlier sync wrote, are not done again.
 *
 * @since 0.1.0
 * @category backfill
 */
export const syncDeployments = (
  sync: ProjectSync,
): Effect.Effect<DeploymentsSynced, HttpError, HttpTransport> =>
  Effect.gen(function* () {
    const { project, previous } = sync
    const pattern = sync.config.productionEnvironment
    const deployments = yield* listAll(
      sync,
      `/projects/${project.id}/deployments`,
      {
        order_by: 'updated_at',
        sort: 'asc',
        ...(sync.since === undefined ? {} : { updated_after: sync.since }),
      },
      Deployment,
    )
    const joined = yield* joinAll(sync, deployments)
    const doneBefore = new Set((previous?.productionDone ?? []).map((done) => done.itemId))
    const firstDone = new Map<string, { readonly id: number; readonly at: string }>()
    if (emitsDone(sync.config, 'production-deploy')) {
      for (const deployment of deployments) {
        const { itemId } = joined.get(joinKey(deployment))!.context
        const at = productionSuccessAt(deployment, pattern)
        const known = firstDone.get(itemId)
        if (doneBefore.has(itemId) || at === undefined) continue
        if (known === undefined || Date.parse(at) < Date.parse(known.at))
          firstDone.set(itemId, { id: deployment.id, at })
      }
    }
    const items = deployments.flatMap((deployment) => {
      const { context, unjoined } = joined.get(joinKey(deployment))!
      const done = firstDone.get(context.itemId)?.id === deployment.id
      return itemsOf(
        deploymentEvents(context, deployment, sync.stages, pattern, done),
        unjoined === undefined ? [] : [unjoined],
      )
    })
    return {
      items,
      state: {
        productionDone: [
          ...(previous?.productionDone ?? []),
          ...[...firstDone].map(([itemId, { at }]) => ({ itemId, at })),
        ],
      },
    }
  })
