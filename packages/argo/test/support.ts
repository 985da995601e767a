import {
  type Adapter,
  type BackfillSummary,
  decodeConfig,
  FetchTransport,
  memoryCheckpointStore,
  runBackfill,
  type StageEventEncoded,
} from '@herbie/core'
import { Effect, Exit, Layer } from 'effect'

/** An adapter's options as a user writes them. */
export const configOf = <C, CI, K, KI>(adapter: Adapter<C, CI, K, KI>, raw: Record<string, unknown>): C =>
  Effect.runSync(decodeConfig(adapter, raw))

/** One backfill into an array; `store` carries checkpoints between syncs. */
export const sync = async <C, CI, K, KI>(
  adapter: Adapter<C, CI, K, KI>,
  config: C,
  store = memoryCheckpointStore(),
): Promise<{
  readonly exit: Exit.Exit<BackfillSummary, unknown>
  readonly events: StageEventEncoded[]
  readonly summary: BackfillSummary | undefined
}> => {
  const events: StageEventEncoded[] = []
  const exit = await Effect.runPromiseExit(
    runBackfill(adapter, config, (batch) => Effect.sync(() => void events.push(...batch))).pipe(
      Effect.provide(Layer.merge(store, FetchTransport)),
    ),
  )
  return { exit, events, summary: Exit.isSuccess(exit) ? exit.value : undefined }
}

/** The error a failed sync failed with. */
export const failureOf = (exit: Exit.Exit<unknown, unknown>): unknown => {
  if (Exit.isSuccess(exit) || exit.cause._tag !== 'Fail')
    throw new Error(`expected a failure: ${String(exit)}`)
  return exit.cause.error
}
