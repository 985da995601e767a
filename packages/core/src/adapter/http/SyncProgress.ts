import { Context, Effect } from 'effect'
import type { HttpNotice, HttpSettings } from './HttpSettings.js'

/**
 * An optional service that hears every {@link HttpNotice} of every adapter request (pages
 * fetched, retries, rate-limit waits): how a command line shows progress without the adapter
 * knowing about it.
 *
 * @since 0.1.0
 * @category adapter http
 */
export class SyncProgress extends Context.Tag('@herbie/core/SyncProgress')<
  SyncProgress,
  { readonly notice: (notice: HttpNotice) => void }
>() {}

/**
 * Tells the settings' `onNotice` and, when provided, the {@link SyncProgress} service.
 *
 * @since 0.1.0
 * @category adapter http
 */
export const notify = (settings: HttpSettings, notice: HttpNotice): Effect.Effect<void> =>
  Effect.flatMap(Effect.serviceOption(SyncProgress), (progress) =>
    Effect.sync(() => {
      settings.onNotice?.(notice)
      if (progress._tag === 'Some') progress.value.notice(notice)
    }),
  )
