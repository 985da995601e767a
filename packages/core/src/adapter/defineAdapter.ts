import { Effect, Option, Schema, Stream } from 'effect'
import type { StageEventEncoded } from '../event/StageEvent.js'
import { describeParseError } from '../format/parseIssue.js'
import { type CheckpointFailed, CheckpointStore } from './checkpoint/CheckpointStore.js'
import { type AdapterError, ConfigInvalid, MalformedPayload } from './errors.js'
import type { HttpTransport } from './http/HttpTransport.js'
import { addUnjoined, type UnjoinedCount } from './unjoined.js'

/**
 * What a backfill stream yields: stage events, now and then a checkpoint that covers every event
 * before it, and counts of facts the adapter could not join to their work item (a commit
 * force-pushed away, a run deleted since it was listed), by reason. A resumed sync starts from the
 * last checkpoint; event ids are deterministic, so events repeated after it are recognised as the
 * same facts.
 *
 * @since 0.1.0
 * @category adapter
 */
export type BackfillItem<K> =
  | { readonly _tag: 'Event'; readonly event: StageEventEncoded }
  | { readonly _tag: 'Checkpoint'; readonly checkpoint: K }
  | ({ readonly _tag: 'Unjoined' } & UnjoinedCount)

/**
 * The stage each source fact maps to (`pull_request.review` → `review`).
 *
 * @since 0.1.0
 * @category adapter
 */
export type StageMapping = Readonly<Record<string, string>>

/**
 * A webhook a source delivers: its headers (lower-case names) and the exact bytes of its body.
 *
 * @since 0.1.0
 * @category adapter
 */
export interface WebhookDelivery {
  readonly headers: Readonly<Record<string, string | undefined>>
  readonly rawBody: Uint8Array
}

/**
 * A webhook delivery refused before its body was read: no or a wrong signature.
 *
 * @since 0.1.0
 * @category adapter errors
 */
export class WebhookRejected extends Schema.TaggedError<WebhookRejected>()('WebhookRejected', {
  source: Schema.String,
  reason: Schema.String,
}) {
  override get message(): string {
    return `${this.source}: webhook rejected: ${this.reason}`
  }
}

/**
 * An adapter: how one system's facts become stage events.
 *
 * @since 0.1.0
 * @category adapter
 */
export interface Adapter<C, CI, K, KI = unknown> {
  readonly name: string
  /**
   * What the adapter joins its facts to, in words, for the count of those it could not join
   * (`a pull request`; default `a work item`).
   */
  readonly joinsTo?: string
  /** The adapter's options; secrets as `Schema.Redacted`. */
  readonly config: Schema.Schema<C, CI>
  /** The shape of its checkpoint, as stored. */
  readonly checkpoint: Schema.Schema<K, KI>
  /** The checkpoint key for a config (one per repository, project...). */
  readonly checkpointKey: (config: C) => string
  /** The default mapping of source facts to stage names; users override entries. */
  readonly stages: StageMapping
  readonly backfill: (
    config: C,
    checkpoint: Option.Option<K>,
    stages: StageMapping,
  ) => Stream.Stream<BackfillItem<K>, AdapterError, HttpTransport>
  readonly webhook?: {
    /** Checks the signature over the raw bytes; must not parse the body. */
    readonly verify: (config: C, delivery: WebhookDelivery) => Effect.Effect<void, WebhookRejected>
    /**
     * Turns a verified delivery into events with the ids the backfill gives the same facts. It
     * may ask the source's API what the payload leaves out (the pull request of a commit).
     */
    readonly map: (
      config: C,
      delivery: WebhookDelivery,
      stages: StageMapping,
    ) => Effect.Effect<ReadonlyArray<StageEventEncoded>, AdapterError, HttpTransport>
  }
}

/**
 * Declares an adapter. Checks what can be checked up front (a name, a mapping to non-empty stage
 * names) and returns it typed.
 *
 * @since 0.1.0
 * @category adapter
 */
export const defineAdapter = <C, CI, K, KI>(adapter: Adapter<C, CI, K, KI>): Adapter<C, CI, K, KI> => {
  if (adapter.name.trim() === '') throw new Error('defineAdapter: the adapter needs a name')
  for (const [fact, stage] of Object.entries(adapter.stages)) {
    if (stage.trim() === '')
      throw new Error(`defineAdapter(${adapter.name}): fact ${fact} maps to an empty stage name`)
  }
  return adapter
}

/**
 * Decodes raw options with the adapter's schema; a failure names the field.
 *
 * @since 0.1.0
 * @category adapter
 */
export const decodeConfig = <C, CI, K, KI>(
  adapter: Adapter<C, CI, K, KI>,
  raw: unknown,
): Effect.Effect<C, ConfigInvalid> =>
  Schema.decodeUnknown(adapter.config, { errors: 'all' })(raw).pipe(
    Effect.mapError((error) => {
      const { field, reason } = describeParseError(error)
      return new ConfigInvalid({ adapter: adapter.name, field, reason })
    }),
  )

/**
 * What a backfill run did.
 *
 * @since 0.1.0
 * @category adapter
 */
export interface BackfillSummary {
  readonly events: number
  readonly checkpoints: number
  /** The facts that could not be joined to their work item, by reason, in the order first seen. */
  readonly unjoined: ReadonlyArray<UnjoinedCount>
}

/**
 * Runs a backfill incrementally: reads the adapter's checkpoint from the {@link CheckpointStore},
 * hands the events to `write` in batches, and stores each checkpoint only after `write` has taken
 * every event before it. A sync cut off half-way resumes from its last stored checkpoint and loses
 * nothing; events written after it come again with the same ids. The summary adds up the
 * adapter's `Unjoined` counts by reason.
 *
 * @since 0.1.0
 * @category adapter
 */
export const runBackfill = <C, CI, K, KI, E, R>(
  adapter: Adapter<C, CI, K, KI>,
  config: C,
  write: (events: ReadonlyArray<StageEventEncoded>) => Effect.Effect<void, E, R>,
  overrides: StageMapping = {},
): Effect.Effect<BackfillSummary, AdapterError | CheckpointFailed | E, HttpTransport | CheckpointStore | R> =>
  Effect.gen(function* () {
    const store = yield* CheckpointStore
    const key = `${adapter.name}/${adapter.checkpointKey(config)}`
    const stored = yield* store.get(key)
    const checkpoint = yield* Option.match(stored, {
      onNone: () => Effect.succeed(Option.none<K>()),
      onSome: (value) =>
        Schema.decodeUnknown(adapter.checkpoint)(value).pipe(
          Effect.map(Option.some),
          Effect.mapError(
            (error) =>
              new MalformedPayload({
                source: adapter.name,
                path: `checkpoint ${key}`,
                reason: describeParseError(error).reason,
              }),
          ),
        ),
    })
    const pending: StageEventEncoded[] = []
    let events = 0
    let checkpoints = 0
    let unjoined: ReadonlyArray<UnjoinedCount> = []
    const flush = Effect.suspend(() => {
      if (pending.length === 0) return Effect.void
      const batch = pending.splice(0, pending.length)
      events += batch.length
      return write(batch)
    })
    yield* adapter.backfill(config, checkpoint, { ...adapter.stages, ...overrides }).pipe(
      Stream.runForEach((item) => {
        if (item._tag === 'Event') return Effect.sync(() => void pending.push(item.event))
        if (item._tag === 'Unjoined')
          return Effect.sync(() => {
            unjoined = addUnjoined(unjoined, item)
          })
        return flush.pipe(
          Effect.zipRight(Schema.encode(adapter.checkpoint)(item.checkpoint).pipe(Effect.orDie)),
          Effect.flatMap((value) => store.set(key, value)),
          Effect.tap(() => Effect.sync(() => void checkpoints++)),
        )
      }),
    )
    yield* flush
    return { events, checkpoints, unjoined }
  })
