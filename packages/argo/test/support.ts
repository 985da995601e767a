import { type Adapter, decodeConfig } from '@herbie/core'
import { Effect } from 'effect'

/** An adapter's options as a user writes them. */
export const configOf = <C, CI, K, KI>(adapter: Adapter<C, CI, K, KI>, raw: Record<string, unknown>): C =>
  Effect.runSync(decodeConfig(adapter, raw))
