import { type Adapter, decodeConfig } from '@herbie/core'
import { Effect, Exit } from 'effect'

/** An adapter's options as a user writes them. */
export const configOf = <C, CI, K, KI>(adapter: Adapter<C, CI, K, KI>, raw: Record<string, unknown>): C =>
  Effect.runSync(decodeConfig(adapter, raw))

/** The error a failed sync failed with. */
export const failureOf = (exit: Exit.Exit<unknown, unknown>): unknown => {
  if (Exit.isSuccess(exit) || exit.cause._tag !== 'Fail')
    throw new Error(`expected a failure: ${String(exit)}`)
  return exit.cause.error
}
