import { Cause, Effect, Exit, Layer, Option } from 'effect'
import type { StageEventEncoded } from '../event/StageEvent.js'
import {
  type CheckpointHost,
  fileCheckpointStore,
  hostCheckpointStore,
} from './checkpoint/CheckpointStore.js'
import {
  type Adapter,
  type BackfillSummary,
  decodeConfig,
  runBackfill,
  type StageMapping,
} from './defineAdapter.js'
import type { HttpNotice } from './http/HttpSettings.js'
import { FetchTransport } from './http/HttpTransport.js'
import { SyncProgress } from './http/SyncProgress.js'

/**
 * What a host program gives {@link syncAdapter}: where events go, where checkpoints live, the
 * user's stage overrides and a listener for progress.
 *
 * @since 0.1.0
 * @category adapter
 */
export interface SyncHost {
  /** Takes each batch of events; the next checkpoint is stored only after it resolves. */
  readonly write: (events: ReadonlyArray<StageEventEncoded>) => Promise<void>
  /** The checkpoint folder (default `.herbie/checkpoints`). */
  readonly checkpoints?: string
  /** Checkpoints kept by the host (an event store) instead of files in `checkpoints`. */
  readonly checkpointStore?: CheckpointHost
  /** Entries that replace the adapter's default fact → stage mapping. */
  readonly stages?: StageMapping
  /** Hears every page fetched, retry and rate-limit wait. */
  readonly onNotice?: (notice: HttpNotice) => void
}

/**
 * Runs an adapter's incremental backfill from plain options, as a promise: decodes the options
 * with the adapter's schema, fetches with `fetch`, keeps checkpoints in files and hands events to
 * `host.write`. A failure rejects with the adapter's typed error itself (`ConfigInvalid`,
 * `AuthFailed`, `RateLimited`...; read its `_tag` and `message`).
 *
 * This is how a program that bundles its own copy of Herbie (the `herbie` command) runs a plugin:
 * it calls the `syncAdapter` of the `@herbie/core` the plugin was built against, so the plugin's
 * streams run on the runtime they were made with.
 *
 * @since 0.1.0
 * @category adapter
 */
export const syncAdapter = async <C, CI, K, KI>(
  adapter: Adapter<C, CI, K, KI>,
  options: unknown,
  host: SyncHost,
): Promise<BackfillSummary> => {
  const progress =
    host.onNotice === undefined ? Layer.empty : Layer.succeed(SyncProgress, { notice: host.onNotice })
  const program = decodeConfig(adapter, options).pipe(
    Effect.flatMap((config) =>
      runBackfill(adapter, config, (events) => Effect.promise(() => host.write(events)), host.stages ?? {}),
    ),
    Effect.provide(
      Layer.mergeAll(
        host.checkpointStore === undefined
          ? fileCheckpointStore(host.checkpoints)
          : hostCheckpointStore(host.checkpointStore),
        FetchTransport,
        progress,
      ),
    ),
  )
  const exit = await Effect.runPromiseExit(program)
  if (Exit.isSuccess(exit)) return exit.value
  throw Option.getOrElse(Cause.failureOption(exit.cause), () => Cause.squash(exit.cause))
}
