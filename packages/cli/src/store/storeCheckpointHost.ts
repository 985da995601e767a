import type { CheckpointHost, EventStoreShape } from '@herbie/core'
import { Option } from 'effect'
import { runStore } from './runStore.js'

/**
 * The checkpoints of a sync kept in the event store, for adapters of any copy of `@herbie/core`.
 *
 * @since 0.1.0
 * @category store
 */
export const storeCheckpointHost = (store: EventStoreShape): CheckpointHost => ({
  get: async (key) => Option.getOrUndefined(await runStore(store.checkpoint(key))),
  set: (key, value) => runStore(store.saveCheckpoint(key, value)),
})
