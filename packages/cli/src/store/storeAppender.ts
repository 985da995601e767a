import type { EventStoreShape } from '@herbie/core'
import type { AppendCounts, EventAppender } from '../output/appendEvents.js'
import { runStore } from './runStore.js'

/**
 * An event appender that writes into the store: each batch is one upsert (acknowledged once it is
 * on disk), ids already stored are counted as already there.
 *
 * @since 0.1.0
 * @category store
 */
export const storeAppender = (store: EventStoreShape): EventAppender => {
  const counts: AppendCounts = { written: 0, alreadyThere: 0 }
  return {
    counts,
    write: async (events) => {
      const done = await runStore(store.upsert(events))
      counts.written += done.inserted
      counts.alreadyThere += done.alreadyPresent
    },
  }
}
