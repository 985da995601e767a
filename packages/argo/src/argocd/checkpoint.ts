import { EventContext } from '@herbie/core'
import { Schema } from 'effect'

/**
 * A wait written as an enter and not yet left: its key, since when and why (`manual-sync`,
 * `sync-window`), the revision waiting and the item's context.
 *
 * @since 0.1.0
 * @category backfill
 */
export const OpenWait = Schema.Struct({
  key: Schema.String,
  since: Schema.String,
  reason: Schema.String,
  revision: Schema.String,
  context: EventContext,
})

/**
 * A decoded open wait.
 *
 * @since 0.1.0
 * @category backfill
 */
export type OpenWait = typeof OpenWait.Type

/**
 * What one application's next sync needs from the last: the newest history id written (older
 * entries are not mapped again), the entries whose outcome waited for the health to settle, the
 * start of the last failed sync written, and the wait still open.
 *
 * @since 0.1.0
 * @category backfill
 */
export const AppState = Schema.Struct({
  lastHistoryId: Schema.Number,
  pending: Schema.Array(Schema.Number),
  failedAt: Schema.optionalWith(Schema.String, { exact: true }),
  waiting: Schema.optionalWith(OpenWait, { exact: true }),
})

/**
 * A decoded application state.
 *
 * @since 0.1.0
 * @category backfill
 */
export type AppState = typeof AppState.Type

/**
 * The Argo CD checkpoint: each application's state, by `NAMESPACE/NAME`.
 *
 * @since 0.1.0
 * @category backfill
 */
export const ArgocdCheckpoint = Schema.Struct({
  apps: Schema.Record({ key: Schema.String, value: AppState }),
})

/**
 * A decoded Argo CD checkpoint.
 *
 * @since 0.1.0
 * @category backfill
 */
export type ArgocdCheckpoint = typeof ArgocdCheckpoint.Type
