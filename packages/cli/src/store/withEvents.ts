import type { ChunkSource, StoreError } from '@herbie/core'
import { Effect, Option } from 'effect'
import type { ConfigFileInvalid } from '../config/ConfigFileInvalid.js'
import type { UsageError } from '../errors.js'
import { openEvents } from '../input/openEvents.js'
import { storeChunks } from './storeChunks.js'
import type { StoreInput } from './storePath.js'
import { useStore } from './useStore.js'

/**
 * Where a command reads its events: the `--events` file when given, else the event store.
 *
 * @since 0.1.0
 * @category store
 */
export interface EventsInput extends StoreInput {
  readonly events: Option.Option<string>
}

/**
 * Runs `use` on the command's events as NDJSON chunks and their name in messages: the `--events`
 * file (streamed), or every event of the store (page by page) while the store is open.
 *
 * @since 0.1.0
 * @category store
 */
export const withEvents = <A, E, R>(
  input: EventsInput,
  use: (chunks: ChunkSource, sourceName: string) => Effect.Effect<A, E, R>,
): Effect.Effect<A, E | UsageError | StoreError | ConfigFileInvalid, R> =>
  Option.match(input.events, {
    onSome: (path) => Effect.flatMap(openEvents(path), (chunks) => use(chunks, path)),
    onNone: () => useStore(input, (store) => use(storeChunks(store), store.location), { create: false }),
  })
