import { CarriedStay, JoinEntry } from '@herbie/core'
import { Schema } from 'effect'

/**
 * What one project's next sync needs from the last: when the last sync began (the next lists
 * what was updated after it), the commits and merge requests (`!IID`) of recent items (so new
 * pipelines and deployments join items synced earlier without a lookup), the CI stays still open,
 * how many attempts of each recent pipeline were written (a pipeline listed again because a job
 * was retried adds only its new attempts), and the items already done in production. Every list
 * is bounded; see {@link CHECKPOINT_LIMITS}.
 *
 * @since 0.1.0
 * @category backfill
 */
export const ProjectState = Schema.Struct({
  /** The instant the project's last sync began. */
  syncedFrom: Schema.String,
  joins: Schema.Array(JoinEntry),
  /** CI stays entered and not left: at most one per item. */
  openStays: Schema.Array(CarriedStay),
  /** Per pipeline, the first attempt not yet written into a finished stay. */
  pipelines: Schema.Array(Schema.Struct({ id: Schema.Number, next: Schema.Number })),
  /** Items whose first successful production deployment was written, and when it finished. */
  productionDone: Schema.Array(Schema.Struct({ itemId: Schema.String, at: Schema.String })),
})

/**
 * A decoded project state.
 *
 * @since 0.1.0
 * @category backfill
 */
export type ProjectState = typeof ProjectState.Type

/**
 * The GitLab checkpoint: each project's state, by its full path.
 *
 * @since 0.1.0
 * @category backfill
 */
export const GitlabCheckpoint = Schema.Struct({
  projects: Schema.Record({ key: Schema.String, value: ProjectState }),
})

/**
 * A decoded GitLab checkpoint.
 *
 * @since 0.1.0
 * @category backfill
 */
export type GitlabCheckpoint = typeof GitlabCheckpoint.Type

/**
 * The bounds of a project's state: the joins of the 1000 most recently synced items, 100 commits
 * each; 500 open stays, none entered more than 35 days ago; 2000 pipelines; the production-done
 * marks of 1000 items.
 *
 * @since 0.1.0
 * @category backfill
 */
export const CHECKPOINT_LIMITS = {
  joins: 1000,
  shasPerJoin: 100,
  openStays: 500,
  openDays: 35,
  pipelines: 2000,
  productionDone: 1000,
} as const

/**
 * Cuts a state down to {@link CHECKPOINT_LIMITS}, keeping the newest entries.
 *
 * @since 0.1.0
 * @category backfill
 */
export const boundState = (state: ProjectState, now: number): ProjectState => ({
  syncedFrom: state.syncedFrom,
  joins: state.joins
    .slice(-CHECKPOINT_LIMITS.joins)
    .map((join) => ({ ...join, shas: join.shas.slice(-CHECKPOINT_LIMITS.shasPerJoin) })),
  openStays: state.openStays
    .filter((stay) => now - Date.parse(stay.enteredAt) <= CHECKPOINT_LIMITS.openDays * 86_400_000)
    .slice(-CHECKPOINT_LIMITS.openStays),
  pipelines: state.pipelines.slice(-CHECKPOINT_LIMITS.pipelines),
  productionDone: state.productionDone.slice(-CHECKPOINT_LIMITS.productionDone),
})
