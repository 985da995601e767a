import type { EventQuery, EventStoreShape } from '@herbie/core'
import { Chunk, Stream } from 'effect'

/**
 * The events of a store as NDJSON text for the analyses that read a file: one chunk per page the
 * store fetched, never the whole store at once. A failing read ends the iteration with the
 * store's error.
 *
 * @since 0.1.0
 * @category store
 */
export const storeChunks = (store: EventStoreShape, query: EventQuery = {}): AsyncIterable<string> =>
  Stream.toAsyncIterable(
    store.lines(query).pipe(
      Stream.chunks,
      Stream.map((lines) => `${Chunk.join(lines, '\n')}\n`),
    ),
  )
