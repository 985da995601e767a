import { Context, type Effect, type Option, type Stream } from 'effect'
import type { StageEventEncoded } from '../event/StageEvent.js'
import type { EventQuery } from './EventQuery.js'
import type { StoreError } from './StoreError.js'

/**
 * What one upsert did: how many events were new and how many ids the store already held (or
 * that repeated an id earlier in the same batch).
 *
 * @since 0.1.0
 * @category event store
 */
export interface UpsertCounts {
  readonly inserted: number
  readonly alreadyPresent: number
}

/**
 * Where stage events and sync checkpoints are kept: idempotent by event id, read back in time
 * order as a stream. Every implementation (the embedded file of `@herbie/store`, a shared
 * database) passes the contract suite of `@herbie/testkit` (`eventStoreContract`).
 *
 * @since 0.1.0
 * @category event store
 */
export interface EventStoreShape {
  /** Where the store lives (a file path), as errors and messages name it. */
  readonly location: string
  /**
   * Stores the events whose id is new, all of them or none (one transaction): once the effect
   * succeeds they survive a crash. An id already stored keeps its first event.
   */
  readonly upsert: (events: ReadonlyArray<StageEventEncoded>) => Effect.Effect<UpsertCounts, StoreError>
  /**
   * The events a query asks for, ordered by time then id, fetched page by page (never the whole
   * store in memory).
   */
  readonly read: (query?: EventQuery) => Stream.Stream<StageEventEncoded, StoreError>
  /** The same events as `read`, each as its JSON text (one NDJSON line without the newline). */
  readonly lines: (query?: EventQuery) => Stream.Stream<string, StoreError>
  /** The checkpoint a source's sync saved last (its key, e.g. `github/acme/payments`), if any. */
  readonly checkpoint: (source: string) => Effect.Effect<Option.Option<unknown>, StoreError>
  /** Replaces a source's checkpoint (atomically: the old one or the new one, never half). */
  readonly saveCheckpoint: (source: string, value: unknown) => Effect.Effect<void, StoreError>
  /** The version of the store's schema, after any migration opening it ran. */
  readonly schemaVersion: Effect.Effect<number, StoreError>
}

/**
 * The event store service.
 *
 * @since 0.1.0
 * @category event store
 */
export class EventStore extends Context.Tag('@herbie/core/EventStore')<EventStore, EventStoreShape>() {}
