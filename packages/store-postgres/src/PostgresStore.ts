import { EventStore, type EventStoreShape, type StoreError } from '@herbie/core'
import { type Effect, Layer, type Scope } from 'effect'
import { openPostgresStore } from './internal/postgres.js'

/**
 * Opens the shared event store in the PostgreSQL database at `url`
 * (`postgres://user:password@host:port/database`) for the scope: connects, creates or migrates
 * its tables (`herbie_events`, `herbie_checkpoints`, `herbie_schema`) and closes the connections
 * when the scope ends. Any number of processes may write to one database at once: every upsert
 * is one transaction and counts exactly what it inserted. Errors and `location` name the database
 * by its URL with the password replaced by `***`.
 *
 * @since 0.1.0
 * @category postgres store
 */
export const makePostgresEventStore = (
  url: string,
): Effect.Effect<EventStoreShape, StoreError, Scope.Scope> => openPostgresStore(url)

/**
 * The PostgreSQL event store as a layer: connected while the layer is in use.
 *
 * @since 0.1.0
 * @category postgres store
 */
export const postgresEventStore = (url: string): Layer.Layer<EventStore, StoreError> =>
  Layer.scoped(EventStore, makePostgresEventStore(url))
