import { Effect, Either } from 'effect'

/**
 * Runs a store operation for a promise-based caller (a sync's writes and checkpoints): resolves
 * with its value, or rejects with the store's own typed error.
 *
 * @since 0.1.0
 * @category store
 */
export const runStore = async <A, E>(effect: Effect.Effect<A, E>): Promise<A> => {
  const done = await Effect.runPromise(Effect.either(effect))
  if (Either.isLeft(done)) throw done.left
  return done.right
}
