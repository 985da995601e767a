import { Effect } from 'effect'
import { type ChunkSource, type InvalidLine, scanNdjson } from '../event/ndjson.js'
import { makeEventLog } from '../ingest/EventLog.js'
import type { Window } from '../metrics/Window.js'
import { indexStream } from '../stream/StreamIndex.js'
import { defaultValueStream, type ValueStream } from '../stream/ValueStream.js'
import { foldTimelines } from '../timeline/fold.js'
import { InvalidEvents, InvalidWindow, SourceUnreadable } from './errors.js'
import type { FlowReport } from './FlowReport.js'
import { buildReport } from './report.js'

/**
 * Options of an analysis.
 *
 * @since 0.1.0
 * @category analysis
 */
export interface AnalyzeOptions {
  /** The value stream; the default stream when absent. */
  readonly stream?: ValueStream
  /** Window start and end in epoch milliseconds; the first and last event when absent. */
  readonly from?: number
  readonly to?: number
  /** Analyse the valid lines and report how many were skipped, instead of failing. */
  readonly skipInvalid?: boolean
  /** How many invalid lines an error lists at most (default 50). */
  readonly maxErrors?: number
  /** Name of the source in messages (a file path). */
  readonly sourceName?: string
}

/**
 * Reads stage events as NDJSON from any async iterable of bytes or text (a file stream, an HTTP
 * body) and analyses them: flow metrics, the constraint, DORA keys. Fails with
 * {@link InvalidEvents} listing the invalid lines unless `skipInvalid` is set.
 *
 * @since 0.1.0
 * @category analysis
 */
export const analyzeNdjson = (
  chunks: ChunkSource,
  options: AnalyzeOptions = {},
): Effect.Effect<FlowReport, InvalidEvents | SourceUnreadable | InvalidWindow> =>
  Effect.gen(function* () {
    const source = options.sourceName ?? 'events'
    const maxErrors = options.maxErrors ?? 50
    const index = indexStream(options.stream ?? defaultValueStream)
    const log = makeEventLog(index)
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
    const events = log.build()
    const from = options.from ?? (events.accepted > 0 ? events.firstAt : 0)
    const to = options.to ?? (events.accepted > 0 ? events.lastAt : 0)
    if (to < from) {
      return yield* new InvalidWindow({
        reason: `--from ${new Date(from).toISOString()} is after --to ${new Date(to).toISOString()}`,
      })
    }
    return analyzeEventLog(events.items, { from, to }, options.stream ?? defaultValueStream, {
      lines: summary.lines,
      events: events.accepted,
      duplicates: events.duplicates,
      skippedLines: summary.invalid,
    })
  })

/**
 * The pure part of {@link analyzeNdjson}: fold grouped events into timelines and build the report.
 *
 * @since 0.1.0
 * @category analysis
 */
export const analyzeEventLog = (
  items: Parameters<typeof foldTimelines>[0],
  window: Window,
  stream: ValueStream,
  input: FlowReport['input'],
): FlowReport => {
  const index = indexStream(stream)
  const { timelines, warnings } = foldTimelines(items, index)
  const notes = warnings.map((warning) => warning.message)
  if (input.skippedLines > 0) notes.unshift(`${input.skippedLines} invalid lines were skipped.`)
  if (input.duplicates > 0) notes.push(`${input.duplicates} events repeated an id and were counted once.`)
  return buildReport(timelines, index, window, input, notes)
}
