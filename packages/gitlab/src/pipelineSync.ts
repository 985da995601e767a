import {
  type BackfillItem,
  type CiStayNaming,
  ciStaysByItem,
  type HttpError,
  type HttpTransport,
  itemsOf,
  unlessGone,
} from '@herbie/core'
import { Effect, Either } from 'effect'
import { Bridge, Job, Pipeline } from './api.js'
import type { ProjectState } from './checkpoint.js'
import { gitlabEvents } from './mapping.js'
import { pipelineAttempts } from './pipelineAttempts.js'
import { countsAsDelivery } from './pipelineFilter.js'
import { getOne, type Http, type Joined, joinAll, joinKey, listAll, type ProjectSync } from './projectSync.js'

/**
 * How GitLab names its CI stays: `pipeline:ID:ATTEMPT`.
 *
 * @since 0.1.0
 * @category mapping
 */
export const PIPELINE_STAYS: CiStayNaming = { events: gitlabEvents, runKind: 'pipeline' }

/** How deep child and downstream pipelines are followed (a child of a child of a child). */
const MAX_DEPTH = 3

/**
 * The jobs of a pipeline and of its child and downstream pipelines (through its bridges,
 * `downstream_pipeline`), retried jobs included (`include_retried=true`), or why there are none:
 * `pipeline deleted (404)`.
 *
 * @since 0.1.0
 * @category backfill
 */
export const pipelineJobs = (
  http: Http,
  projectId: number,
  pipelineId: number,
): Effect.Effect<Either.Either<Job[], string>, HttpError, HttpTransport> => {
  const tree = (
    project: number,
    pipeline: number,
    depth: number,
  ): Effect.Effect<Job[], HttpError, HttpTransport> =>
    Effect.all([
      listAll(http, `/projects/${project}/pipelines/${pipeline}/jobs`, { include_retried: 'true' }, Job),
      listAll(http, `/projects/${project}/pipelines/${pipeline}/bridges`, {}, Bridge),
    ]).pipe(
      Effect.flatMap(([jobs, bridges]) =>
        Effect.forEach(
          depth >= MAX_DEPTH
            ? []
            : bridges.flatMap((bridge) =>
                bridge.downstream_pipeline === null ? [] : [bridge.downstream_pipeline],
              ),
          (child) => tree(child.project_id ?? project, child.id, depth + 1),
        ).pipe(Effect.map((children) => [...jobs, ...children.flat()])),
      ),
    )
  return unlessGone(tree(projectId, pipelineId, 1), 'pipeline deleted')
}

/**
 * What the pipelines part of a sync yields: its backfill items and what the next sync must carry
 * on with.
 *
 * @since 0.1.0
 * @category backfill
 */
export interface PipelinesSynced {
  readonly items: ReadonlyArray<BackfillItem<never>>
  readonly state: Pick<ProjectState, 'openStays' | 'pipelines'>
}

/**
 * The CI stays of the pipelines updated since the last sync (`updated_after`: new ones, and those
 * a retried job or a played manual job brought back), and of the pipelines still running in a
 * stay the last sync left open (fetched again by id). Only pipelines the filter counts cost
 * requests of their own: their jobs and bridges, and those of their child pipelines. A pipeline
 * joins the merge request its ref names, else the one of its commit. Attempts already written
 * into a finished stay are not written again.
 *
 * @since 0.1.0
 * @category backfill
 */
export const syncPipelines = (sync: ProjectSync): Effect.Effect<PipelinesSynced, HttpError, HttpTransport> =>
  Effect.gen(function* () {
    const { project, previous } = sync
    const base = `/projects/${project.id}/pipelines`
    const written = new Map((previous?.pipelines ?? []).map((entry) => [entry.id, entry.next]))
    const carried = new Map<
      number,
      { readonly stay: ProjectState['openStays'][number]; readonly attempt: number }
    >()
    for (const stay of previous?.openStays ?? [])
      for (const run of stay.running) carried.set(Number(run.runId), { stay, attempt: run.attempt })
    const listed = yield* listAll(
      sync,
      base,
      {
        order_by: 'updated_at',
        sort: 'asc',
        ...(sync.since === undefined ? {} : { updated_after: sync.since }),
      },
      Pipeline,
    )
    const listedIds = new Set(listed.map((pipeline) => pipeline.id))
    const again = yield* Effect.forEach(
      [...carried.keys()].filter((id) => !listedIds.has(id)),
      (id) => unlessGone(getOne(sync, `${base}/${id}`, Pipeline), 'pipeline deleted'),
      { concurrency: 4 },
    )
    const pipelines = [
      ...again.flatMap((result) => (Either.isRight(result) ? [result.right] : [])),
      ...listed.filter(
        (pipeline) => carried.has(pipeline.id) || countsAsDelivery(sync.config.pipelines, pipeline),
      ),
    ]
    const joined = yield* joinAll(
      sync,
      pipelines.filter((pipeline) => !carried.has(pipeline.id)),
    )
    const fetched = yield* Effect.forEach(
      pipelines,
      (pipeline) =>
        pipelineJobs(sync, project.id, pipeline.id).pipe(
          Effect.map((jobs) => {
            const member = carried.get(pipeline.id)
            const join: Joined =
              member === undefined ? joined.get(joinKey(pipeline))! : { context: member.stay.context }
            const from = member?.attempt ?? written.get(pipeline.id) ?? 1
            return {
              pipeline,
              context: join.context,
              attempts: Either.isRight(jobs)
                ? pipelineAttempts(pipeline, jobs.right).filter((attempt) => attempt.attempt >= from)
                : [],
              from,
              unjoined: [
                ...(join.unjoined === undefined ? [] : [join.unjoined]),
                ...(Either.isLeft(jobs) ? [jobs.left] : []),
              ],
            }
          }),
        ),
      { concurrency: 4 },
    )
    const stays = ciStaysByItem(PIPELINE_STAYS, sync.stages.pipeline!, previous?.openStays ?? [], fetched)
    const items: BackfillItem<never>[] = itemsOf(stays.events)
    items.push(
      ...itemsOf(
        [],
        [
          ...again.flatMap((result) => (Either.isLeft(result) ? [result.left] : [])),
          ...fetched.flatMap((pipeline) => pipeline.unjoined),
        ],
      ),
    )
    const next = new Map(written)
    for (const { pipeline, attempts, from } of fetched) {
      const unfinished = attempts.find((attempt) => attempt.end === undefined)
      next.delete(pipeline.id)
      next.set(
        pipeline.id,
        unfinished?.attempt ?? Math.max(from, ...attempts.map((attempt) => attempt.attempt + 1)),
      )
    }
    return {
      items,
      state: {
        openStays: stays.open,
        pipelines: [...next].map(([id, nextAttempt]) => ({ id, next: nextAttempt })),
      },
    }
  })
