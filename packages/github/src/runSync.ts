import {
  type BackfillItem,
  type CarriedStay,
  ciStaysByItem,
  type EventContext,
  type HttpError,
  type HttpTransport,
  itemsOf,
  type RunAttempt,
  unlessGone,
} from '@herbie/core'
import { Effect, Either, Stream } from 'effect'
import { JobPage, WorkflowRun, WorkflowRunPage } from './api.js'
import type { RepositoryState } from './checkpoint.js'
import { RUN_STAYS } from './ciStays.js'
import { getOne, type Http, type Joined, joinAll, list, type RepositorySync } from './repositorySync.js'
import { runAttempts } from './runAttempts.js'
import { countsAsDelivery } from './runFilter.js'

type OpenStayEntry = RepositoryState['openStays'][number]

/** A stay as the checkpoint keeps it (GitHub's numeric run ids) and as core's union takes it. */
const carriedStay = (stay: OpenStayEntry): CarriedStay => ({
  ...stay,
  running: stay.running.map((run) => ({ runId: String(run.runId), attempt: run.attempt })),
})

const storedStay = (stay: CarriedStay): OpenStayEntry => ({
  ...stay,
  running: stay.running.map((run) => ({ runId: Number(run.runId), attempt: run.attempt })),
})

/**
 * What the runs part of a sync yields: its backfill items and what the next sync must carry on
 * with.
 *
 * @since 0.1.0
 * @category backfill
 */
export interface RunsSynced {
  readonly items: ReadonlyArray<BackfillItem<never>>
  readonly state: Pick<RepositoryState, 'openStays' | 'queuedRuns' | 'seenRuns'>
}

interface Fetched {
  readonly context: EventContext
  readonly attempts: ReadonlyArray<RunAttempt>
  readonly unjoined: ReadonlyArray<string>
}

const CONCURRENCY = 4

/**
 * The CI stays of the runs created since the last sync, and of the runs that were still queued
 * or running then (fetched again by id: `GET /actions/runs/{id}`). Only runs the filter counts
 * as delivery work cost a request of their own: the jobs of each (`filter=all`, every attempt)
 * and, for a commit no pull request synced so far holds, its pull requests. A run deleted since
 * (404) is skipped and counted; a commit gone (422) leaves the run on its bare commit item.
 *
 * @since 0.1.0
 * @category backfill
 */
export const syncRuns = (sync: RepositorySync): Effect.Effect<RunsSynced, HttpError, HttpTransport> =>
  Effect.gen(function* () {
    const { repository, previous } = sync
    const carried = new Map<number, { readonly stay: OpenStayEntry; readonly attempt: number }>()
    for (const stay of previous.openStays)
      for (const run of stay.running) carried.set(run.runId, { stay, attempt: run.attempt })
    const queued = new Map(previous.queuedRuns.map((run) => [run.runId, run.attempt]))
    const again = [...new Set([...carried.keys(), ...queued.keys()])]
    const seen = new Set([...previous.seenRuns, ...again])
    const listed = yield* list(
      sync,
      `/repos/${repository}/actions/runs`,
      sync.since === undefined ? {} : { created: `>=${sync.since}` },
      WorkflowRunPage,
    ).pipe(
      Stream.runCollect,
      Effect.map((pages) => [...pages].flatMap((page) => page.workflow_runs)),
    )
    const refetched = yield* Effect.forEach(
      again,
      (id) => unlessGone(getOne(sync, `/repos/${repository}/actions/runs/${id}`, WorkflowRun), 'run deleted'),
      { concurrency: CONCURRENCY },
    )
    const deleted = refetched.flatMap((result) => (Either.isLeft(result) ? [result.left] : []))
    const runs = [
      ...refetched.flatMap((result) => (Either.isRight(result) ? [result.right] : [])),
      ...listed.filter((run) => !seen.has(run.id)),
    ].filter((run) => countsAsDelivery(sync.config.runs, run))
    const joined = yield* joinAll(
      sync,
      runs.filter((run) => !carried.has(run.id)).map((run) => run.head_sha),
    )
    const fetched = yield* Effect.forEach(
      runs,
      (run): Effect.Effect<Fetched, HttpError, HttpTransport> => {
        const member = carried.get(run.id)
        const from = member?.attempt ?? queued.get(run.id) ?? 1
        const join: Joined =
          member === undefined ? joined.get(run.head_sha)! : { context: member.stay.context }
        return jobsOf(sync, repository, run).pipe(
          Effect.map((jobs) => ({
            context: join.context,
            attempts: Either.isRight(jobs)
              ? runAttempts(run, jobs.right).filter((attempt) => attempt.attempt >= from)
              : [],
            unjoined: [
              ...(join.unjoined === undefined ? [] : [join.unjoined]),
              ...(Either.isLeft(jobs) ? [jobs.left] : []),
            ],
          })),
        )
      },
      { concurrency: CONCURRENCY },
    )
    const stays = ciStaysByItem(
      RUN_STAYS,
      sync.stages['actions.run']!,
      previous.openStays.map(carriedStay),
      fetched,
    )
    const items: BackfillItem<never>[] = itemsOf(stays.events)
    const openStays = stays.open.map(storedStay)
    // GitHub always says when a run was queued (runAttempts sets queuedAt on every attempt).
    const queuedRuns = stays.queued.flatMap((attempt) =>
      attempt.queuedAt === undefined
        ? []
        : [{ runId: Number(attempt.runId), attempt: attempt.attempt, queuedAt: attempt.queuedAt }],
    )
    items.push(...itemsOf([], [...deleted, ...fetched.flatMap((run) => run.unjoined)]))
    const startedAt = Date.parse(sync.startedAt)
    return {
      items,
      state: {
        openStays,
        queuedRuns,
        seenRuns: runs.filter((run) => Date.parse(run.created_at) >= startedAt).map((run) => run.id),
      },
    }
  })

/**
 * The jobs of every attempt of a run (`filter=all`), or why there are none: `run deleted (404)`.
 *
 * @since 0.1.0
 * @category backfill
 */
export const jobsOf = (http: Http, repository: string, run: Pick<WorkflowRun, 'id'>) =>
  unlessGone(
    list(http, `/repos/${repository}/actions/runs/${run.id}/jobs`, { filter: 'all' }, JobPage).pipe(
      Stream.runCollect,
      Effect.map((pages) => [...pages].flatMap((page) => page.jobs)),
    ),
    'run deleted',
  )
