import { existsSync } from 'node:fs'
import type { EventStoreShape, StoreError } from '@herbie/core'
import { Effect } from 'effect'
import type { ConfigFileInvalid } from '../config/ConfigFileInvalid.js'
import { UsageError } from '../errors.js'
import { type StoreInput, storePath } from './storePath.js'

/**
 * Opens the command's event store for the time `use` runs, then closes it. A command that only
 * reads (`create: false`) fails with a usage error naming the path when there is no store yet,
 * instead of creating an empty one. The store module is loaded on first use only, so commands
 * that never touch a store start as fast as before.
 *
 * @since 0.1.0
 * @category store
 */
export const useStore = <A, E, R>(
  input: StoreInput,
  use: (store: EventStoreShape) => Effect.Effect<A, E, R>,
  { create }: { readonly create: boolean },
): Effect.Effect<A, E | StoreError | ConfigFileInvalid | UsageError, R> =>
  Effect.gen(function* () {
    const path = yield* storePath(input)
    if (!create && !existsSync(path)) {
      return yield* new UsageError({
        reason: `no event store at ${path}: fill it with herbie sync or herbie import first`,
      })
    }
    const { makeEmbeddedStore } = yield* Effect.promise(() => import('@herbie/store'))
    return yield* Effect.scoped(Effect.flatMap(makeEmbeddedStore(path), use))
  })
