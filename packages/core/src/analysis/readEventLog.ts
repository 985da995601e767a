import { Effect } from 'effect'
import { type ChunkSource, type InvalidLine, scanNdjson } from '../event/ndjson.js'
import { type EventLog, makeEventLog } from '../ingest/EventLog.js'
import { indexStream } from '../stream/StreamIndex.js'
import { defaultValueStream, type ValueStream } from '../stream/ValueStream.js'
import { InvalidEvents, SourceUnreadable } from './errors.js'

/**
 * How to read events: the value stream they follow, whether invalid lines are skipped, how many
 * an error lists, and the source's name in messages.
 *
 * @since 0.1.0
 * @category analysis
 */
export interface ReadOptions {
  readonly stream?: ValueStream
  readonly skipInvalid?: boolean
  readonly maxErrors?: number
  readonly sourceName?: string
  /** The item attributes kept in the log's hints (`KEPT_ATTRIBUTES` when absent). */
  readonly itemAttributes?: ReadonlyArray<string>
}

/**
 * Events read from NDJSON: deduplicated and grouped by item, with the line counts.
 *
 * @since 0.1.0
 * @category analysis
 */
export interface ReadEvents {
  readonly events: EventLog
  readonly lines: number
  readonly skippedLines: number
}

/**
 * Streams NDJSON into an event log: every line checked against the contract, ids deduplicated,
 * events grouped by item. Fails with {@link InvalidEvents} naming the invalid lines unless
 * `skipInvalid` is set.
 *
 * @since 0.1.0
 * @category analysis
 */
export const readEventLog = (
  chunks: ChunkSource,
  options: ReadOptions = {},
): Effect.Effect<ReadEvents, InvalidEvents | SourceUnreadable> =>
  Effect.gen(function* () {
    const source = options.sourceName ?? 'events'
    const maxErrors = options.maxErrors ?? 50
    const log = makeEventLog(indexStream(options.stream ?? defaultValueStream), options.itemAttributes)
    const invalid: InvalidLine[] = []
    const summary = yield* Effect.tryPromise({
      try: () =>
        scanNdjson(chunks, log.add, (line) => {
          if (invalid.length < maxErrors) invalid.push(line)
        }),
      catch: (cause) =>
        new SourceUnreadable({ source, reason: cause instanceof Error ? cause.message : String(cause) }),
    })
    if (summary.invalid > 0 && options.skipInvalid !== true) {
      return yield* new InvalidEvents({
        source,
        count: summary.invalid,
        invalid,
        unknownStages: log.unknownStages(),
      })
    }
    return { events: log.build(), lines: summary.lines, skippedLines: summary.invalid }
  })
