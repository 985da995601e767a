import { EventContext, OpenStay } from '@herbie/core'
import { Schema } from 'effect'

/**
 * A build still running at the end of a sync: the next sync fetches it again by number and
 * carries on. `ended` counts its CI spans that had ended (and were written) then.
 *
 * @since 0.1.0
 * @category backfill
 */
export const OpenBuild = Schema.Struct({
  job: Schema.String,
  number: Schema.Number,
  startedAt: Schema.String,
  ended: Schema.Number,
})

/**
 * A decoded open build.
 *
 * @since 0.1.0
 * @category backfill
 */
export type OpenBuild = typeof OpenBuild.Type

/**
 * What the next sync needs from the last: per job, the newest build number synced (older
 * builds are not listed again; a job whose last build is not newer costs no request); the builds
 * still running (fetched again by number); and the CI stays still open, with their item's
 * context (finished by the builds they wait for). Bounded: see {@link CHECKPOINT_LIMITS}.
 *
 * @since 0.1.0
 * @category backfill
 */
export const JenkinsCheckpoint = Schema.Struct({
  jobs: Schema.Record({ key: Schema.String, value: Schema.Number }),
  openBuilds: Schema.Array(OpenBuild),
  openStays: Schema.Array(Schema.Struct({ context: EventContext, ...OpenStay.fields })),
})

/**
 * A decoded Jenkins checkpoint.
 *
 * @since 0.1.0
 * @category backfill
 */
export type JenkinsCheckpoint = typeof JenkinsCheckpoint.Type

/**
 * The bounds of a checkpoint: the 500 newest open builds and open stays. No age limit is
 * needed: a build Jenkins still reports as running is kept, one that ended or was deleted (404)
 * leaves the checkpoint at the next sync.
 *
 * @since 0.1.0
 * @category backfill
 */
export const CHECKPOINT_LIMITS = { open: 500 } as const

/**
 * Cuts a checkpoint down to {@link CHECKPOINT_LIMITS}, keeping the newest entries.
 *
 * @since 0.1.0
 * @category backfill
 */
export const boundCheckpoint = (checkpoint: JenkinsCheckpoint): JenkinsCheckpoint => ({
  jobs: checkpoint.jobs,
  openBuilds: checkpoint.openBuilds.slice(-CHECKPOINT_LIMITS.open),
  openStays: checkpoint.openStays.slice(-CHECKPOINT_LIMITS.open),
})
