import { type BackfillItem, type HttpError, type HttpTransport, itemsOf, unlessGone } from '@herbie/core'
import { Effect, Either, Schema, Stream } from 'effect'
import { Deployment, DeploymentStatus } from './api.js'
import type { RepositoryState } from './checkpoint.js'
import { emitsDone } from './config.js'
import { deploymentEvents, isSettled, productionSuccessAt } from './deploymentEvents.js'
import { getOne, joinAll, list, listAll, type RepositorySync } from './repositorySync.js'

/**
 * What the deployments part of a sync yields: its backfill items and what the next sync must
 * carry on with.
 *
 * @since 0.1.0
 * @category backfill
 */
export interface DeploymentsSynced {
  readonly items: ReadonlyArray<BackfillItem<never>>
  readonly state: Pick<RepositoryState, 'openDeployments' | 'seenDeployments' | 'productionDone'>
}

const CONCURRENCY = 4

/**
 * The deployments created since the last sync (the list comes newest first) and those still
 * unsettled then (fetched again by id), each with its statuses. The item's done candidate is its
 * first successful production deployment: later ones, in this sync or after one an earlier sync
 * wrote, are not done again. A deployment deleted since it was listed (404) is skipped and
 * counted.
 *
 * @since 0.1.0
 * @category backfill
 */
export const syncDeployments = (
  sync: RepositorySync,
): Effect.Effect<DeploymentsSynced, HttpError, HttpTransport> =>
  Effect.gen(function* () {
    const { repository, previous, since } = sync
    const again = previous.openDeployments.map((deployment) => deployment.id)
    const seen = new Set([...previous.seenDeployments, ...again])
    const listed = yield* list(sync, `/repos/${repository}/deployments`, {}, Schema.Array(Deployment)).pipe(
      Stream.flatMap((page) => Stream.fromIterable(page)),
      Stream.takeWhile(
        (deployment) => since === undefined || Date.parse(deployment.created_at) >= Date.parse(since),
      ),
      Stream.runCollect,
    )
    const refetched = yield* Effect.forEach(
      again,
      (id) =>
        unlessGone(getOne(sync, `/repos/${repository}/deployments/${id}`, Deployment), 'deployment deleted'),
      { concurrency: CONCURRENCY },
    )
    const deployments = [
      ...refetched.flatMap((result) => (Either.isRight(result) ? [result.right] : [])),
      ...[...listed].filter((deployment) => !seen.has(deployment.id)),
    ]
    const joined = yield* joinAll(
      sync,
      deployments.map((deployment) => deployment.sha),
    )
    const fetched = yield* Effect.forEach(
      deployments,
      (deployment) =>
        unlessGone(
          listAll(
            sync,
            `/repos/${repository}/deployments/${deployment.id}/statuses`,
            {},
            Schema.Array(DeploymentStatus),
          ),
          'deployment deleted',
        ).pipe(Effect.map((statuses) => ({ deployment, joined: joined.get(deployment.sha)!, statuses }))),
      { concurrency: CONCURRENCY },
    )
    const doneBefore = new Set(previous.productionDone.map((done) => done.itemId))
    const firstDone = new Map<string, { readonly id: number; readonly at: string }>()
    if (emitsDone(sync.config, 'production-deploy')) {
      for (const { deployment, joined, statuses } of fetched) {
        if (Either.isLeft(statuses) || doneBefore.has(joined.context.itemId)) continue
        const at = productionSuccessAt(deployment, statuses.right)
        const known = firstDone.get(joined.context.itemId)
        if (at !== undefined && (known === undefined || Date.parse(at) < Date.parse(known.at)))
          firstDone.set(joined.context.itemId, { id: deployment.id, at })
      }
    }
    const items: BackfillItem<never>[] = []
    const openDeployments: Array<RepositoryState['openDeployments'][number]> = []
    for (const { deployment, joined, statuses } of fetched) {
      const unjoined = [
        ...(joined.unjoined === undefined ? [] : [joined.unjoined]),
        ...(Either.isLeft(statuses) ? [statuses.left] : []),
      ]
      if (Either.isLeft(statuses)) {
        items.push(...itemsOf([], unjoined))
        continue
      }
      const done = firstDone.get(joined.context.itemId)?.id === deployment.id
      items.push(
        ...itemsOf(deploymentEvents(joined.context, deployment, statuses.right, sync.stages, done), unjoined),
      )
      if (!isSettled(statuses.right))
        openDeployments.push({ id: deployment.id, createdAt: deployment.created_at })
    }
    items.push(
      ...itemsOf(
        [],
        refetched.flatMap((result) => (Either.isLeft(result) ? [result.left] : [])),
      ),
    )
    const startedAt = Date.parse(sync.startedAt)
    return {
      items,
      state: {
        openDeployments,
        seenDeployments: deployments
          .filter((deployment) => Date.parse(deployment.created_at) >= startedAt)
          .map((deployment) => deployment.id),
        productionDone: [
          ...previous.productionDone,
          ...[...firstDone].map(([itemId, { at }]) => ({ itemId, at })),
        ],
      },
    }
  })
