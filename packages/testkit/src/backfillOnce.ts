import {
  type Adapter,
  type BackfillSummary,
  FetchTransport,
  memoryCheckpointStore,
  runBackfill,
  type StageEventEncoded,
  type UnjoinedCount,
} from '@herbie/core'
import { Effect, Exit, Layer } from 'effect'

/**
 * What one backfill run gave: how it ended, the events it wrote, its summary and the facts it
 * could not join (both empty when it failed).
 *
 * @since 0.1.0
 * @category conformance
 */
export interface BackfillRun {
  readonly exit: Exit.Exit<BackfillSummary, unknown>
  readonly events: StageEventEncoded[]
  readonly summary: BackfillSummary | undefined
  readonly unjoined: ReadonlyArray<UnjoinedCount>
}

/**
 * Runs one backfill of an adapter over `fetch` (answered by the test's msw handlers) into an
 * array; `store` carries checkpoints between runs (a fresh memory store by default).
 *
 * @since 0.1.0
 * @category conformance
 */
export const backfillOnce = <C, CI, K, KI>(
  adapter: Adapter<C, CI, K, KI>,
  config: C,
  store = memoryCheckpointStore(),
): Promise<BackfillRun> => {
  const events: StageEventEncoded[] = []
  const program = runBackfill(adapter, config, (batch) => Effect.sync(() => void events.push(...batch)))
  return Effect.runPromiseExit(program.pipe(Effect.provide(Layer.merge(store, FetchTransport)))).then(
    (exit) => {
      const summary = Exit.isSuccess(exit) ? exit.value : undefined
      return { exit, events, summary, unjoined: summary?.unjoined ?? [] }
    },
  )
}
