import { EventStore, type EventStoreShape, type StoreError } from '@herbie/core'
import { type Effect, Layer, type Scope } from 'effect'
import { openSqliteStore } from './internal/sqlite.js'

/**
 * Where the embedded store lives unless told otherwise: `events.sqlite` under `.herbie/` of the
 * current folder.
 *
 * @since 0.1.0
 * @category embedded store
 */
export const DEFAULT_STORE_PATH = '.herbie/events.sqlite'

/**
 * Opens the embedded event store (a SQLite database file, created with its folder if missing,
 * migrated to the current schema) for the scope; closes it when the scope ends. One process
 * opens a file at a time; a store left by a killed process is recovered on open.
 *
 * @since 0.1.0
 * @category embedded store
 */
export const makeEmbeddedStore = (
  path: string = DEFAULT_STORE_PATH,
): Effect.Effect<EventStoreShape, StoreError, Scope.Scope> => openSqliteStore(path)

/**
 * The embedded event store as a layer: open while the layer is in use.
 *
 * @since 0.1.0
 * @category embedded store
 */
export const layerEmbeddedStore = (path: string = DEFAULT_STORE_PATH): Layer.Layer<EventStore, StoreError> =>
  Layer.scoped(EventStore, makeEmbeddedStore(path))
