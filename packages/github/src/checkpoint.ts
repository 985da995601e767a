import { EventContext, JoinEntry, OpenStay } from '@herbie/core'
import { Schema } from 'effect'

const RunRef = Schema.Struct({ runId: Schema.Number, attempt: Schema.Number })

/**
 * What one repository's next sync needs from the last: the commits of recent pull requests and
 * the item each belongs to (so new runs and deployments join pull requests synced earlier), the
 * CI stays and deployments still open (fetched again to finish them), the runs and deployments
 * created while the last sync ran (listed again, skipped), and the items already done in
 * production. Every list is bounded; see {@link CHECKPOINT_LIMITS}.
 *
 * @since 0.1.0
 * @category backfill
 */
export const RepositoryState = Schema.Struct({
  /** The pull requests' contexts and commit SHAs, the most recently synced last. */
  joins: Schema.Array(JoinEntry),
  /**
   * CI stays entered and not left: at most one per item context. Run ids are kept as GitHub's
   * numbers.
   */
  openStays: Schema.Array(
    Schema.Struct({ ...OpenStay.fields, context: EventContext, running: Schema.Array(RunRef) }),
  ),
  /** Run attempts still queued, in no stay yet. */
  queuedRuns: Schema.Array(Schema.Struct({ ...RunRef.fields, queuedAt: Schema.String })),
  /** Deployments with no final status yet. */
  openDeployments: Schema.Array(Schema.Struct({ id: Schema.Number, createdAt: Schema.String })),
  /** Runs and deployments created after the last sync began, which the next listing repeats. */
  seenRuns: Schema.Array(Schema.Number),
  seenDeployments: Schema.Array(Schema.Number),
  /** Items whose first successful production deployment was written, and when it finished. */
  productionDone: Schema.Array(Schema.Struct({ itemId: Schema.String, at: Schema.String })),
})

/**
 * A decoded repository state.
 *
 * @since 0.1.0
 * @category backfill
 */
export type RepositoryState = typeof RepositoryState.Type

/**
 * How far each repository was synced (the instant each last sync started) and, per repository,
 * what the next sync needs to carry on ({@link RepositoryState}). Checkpoints written before
 * `state` existed still decode: their next sync starts with an empty state.
 *
 * @since 0.1.0
 * @category backfill
 */
export const GithubCheckpoint = Schema.Struct({
  repositories: Schema.Record({ key: Schema.String, value: Schema.String }),
  state: Schema.optionalWith(Schema.Record({ key: Schema.String, value: RepositoryState }), { exact: true }),
})

/**
 * A decoded GitHub checkpoint.
 *
 * @since 0.1.0
 * @category backfill
 */
export type GithubCheckpoint = typeof GithubCheckpoint.Type

/**
 * The bounds of a repository's state: the joins of the 1000 most recently synced pull requests,
 * 100 commits each; 500 open stays, queued runs and open deployments each, none older than 35
 * days (GitHub ends a workflow run after 35 days; a deployment still open by then is left open);
 * the production-done marks of 1000 items.
 *
 * @since 0.1.0
 * @category backfill
 */
export const CHECKPOINT_LIMITS = {
  joins: 1000,
  shasPerJoin: 100,
  open: 500,
  openDays: 35,
  productionDone: 1000,
} as const

/**
 * The state of a repository no sync has seen.
 *
 * @since 0.1.0
 * @category backfill
 */
export const emptyState: RepositoryState = {
  joins: [],
  openStays: [],
  queuedRuns: [],
  openDeployments: [],
  seenRuns: [],
  seenDeployments: [],
  productionDone: [],
}

const recent = (at: string, now: number) => now - Date.parse(at) <= CHECKPOINT_LIMITS.openDays * 86_400_000

/**
 * Cuts a state down to {@link CHECKPOINT_LIMITS}, keeping the newest entries.
 *
 * @since 0.1.0
 * @category backfill
 */
export const boundState = (state: RepositoryState, now: number): RepositoryState => ({
  joins: state.joins
    .slice(-CHECKPOINT_LIMITS.joins)
    .map((join) => ({ ...join, shas: join.shas.slice(-CHECKPOINT_LIMITS.shasPerJoin) })),
  openStays: state.openStays.filter((stay) => recent(stay.enteredAt, now)).slice(-CHECKPOINT_LIMITS.open),
  queuedRuns: state.queuedRuns.filter((run) => recent(run.queuedAt, now)).slice(-CHECKPOINT_LIMITS.open),
  openDeployments: state.openDeployments
    .filter((deployment) => recent(deployment.createdAt, now))
    .slice(-CHECKPOINT_LIMITS.open),
  seenRuns: state.seenRuns.slice(-CHECKPOINT_LIMITS.open),
  seenDeployments: state.seenDeployments.slice(-CHECKPOINT_LIMITS.open),
  productionDone: state.productionDone.slice(-CHECKPOINT_LIMITS.productionDone),
})
