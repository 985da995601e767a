import { Effect } from 'effect'
import type { ChunkSource } from '../event/ndjson.js'
import { inputWarnings, summarizeInput } from '../ingest/inputWarnings.js'
import type { Window } from '../metrics/Window.js'
import { indexStream } from '../stream/StreamIndex.js'
import { defaultValueStream, type ValueStream } from '../stream/ValueStream.js'
import { foldTimelines } from '../timeline/fold.js'
import type { InvalidEvents, SourceUnreadable } from './errors.js'
import { InvalidWindow } from './errors.js'
import type { FlowReport } from './FlowReport.js'
import { type ReadOptions, readEventLog } from './readEventLog.js'
import { buildReport } from './report.js'

/**
 * Options of an analysis.
 *
 * @since 0.1.0
 * @category analysis
 */
export interface AnalyzeOptions extends ReadOptions {
  /** Window start and end in epoch milliseconds; the first and last event when absent. */
  readonly from?: number
  readonly to?: number
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
    const { events, lines, skippedLines } = yield* readEventLog(chunks, options)
    const from = options.from ?? (events.accepted > 0 ? events.firstAt : 0)
    const to = options.to ?? (events.accepted > 0 ? events.lastAt : 0)
    if (to < from) {
      return yield* new InvalidWindow({
        reason: `--from ${new Date(from).toISOString()} is after --to ${new Date(to).toISOString()}`,
      })
    }
    return analyzeEventLog(
      events.items,
      { from, to },
      options.stream ?? defaultValueStream,
      summarizeInput(events, lines, skippedLines),
    )
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
  const { timelines, warnings, done } = foldTimelines(items, index)
  return buildReport(timelines, index, window, input, inputWarnings(input, warnings), done)
}
