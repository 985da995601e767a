import { Effect, Layer } from 'effect'
import { CheckpointFailed, CheckpointStore } from '../adapter/checkpoint/CheckpointStore.js'
import { EventStore } from './EventStore.js'

/**
 * The checkpoint store of syncs kept in the event store, so events and how far each source got
 * live in one place.
 *
 * @since 0.1.0
 * @category event store
 */
export const storeCheckpoints: Layer.Layer<CheckpointStore, never, EventStore> = Layer.effect(
  CheckpointStore,
  Effect.map(EventStore, (store) => ({
    get: (key) =>
      store
        .checkpoint(key)
        .pipe(Effect.mapError((error) => new CheckpointFailed({ key, reason: error.message }))),
    set: (key, value) =>
      store
        .saveCheckpoint(key, value)
        .pipe(Effect.mapError((error) => new CheckpointFailed({ key, reason: error.message }))),
  })),
)
