import { Effect } from 'effect'
import { foldedItems } from '../correlate/Correlation.js'
import type { CorrelationOptions } from '../correlate/CorrelationOptions.js'
import { correlate } from '../correlate/correlate.js'
import type { ChunkSource } from '../event/ndjson.js'
import type { EventLog, ItemEvent } from '../ingest/EventLog.js'
import { KEPT_ATTRIBUTES } from '../ingest/ItemHints.js'
import { inputWarnings, summarizeInput } from '../ingest/inputWarnings.js'
import type { Window } from '../metrics/Window.js'
import { indexStream } from '../stream/StreamIndex.js'
import { defaultValueStream, type ValueStream } from '../stream/ValueStream.js'
import { foldTimelines } from '../timeline/fold.js'
import type { UpstreamOptions } from '../upstream/UpstreamOptions.js'
import type { InvalidEvents, SourceUnreadable } from './errors.js'
import { InvalidWindow } from './errors.js'
import type { FlowReport } from './FlowReport.js'
import { type ReadOptions, readEventLog } from './readEventLog.js'
import { buildReport } from './report.js'

/**
 * How the pure analysis joins items across sources and reads the upstream signals (the
 * defaults of `CorrelationOptions` and `UpstreamOptions` when absent).
 *
 * @since 0.1.0
 * @category analysis
 */
export interface AnalysisSettings {
  readonly correlation?: CorrelationOptions
  readonly upstream?: UpstreamOptions
}

/**
 * Options of an analysis.
 *
 * @since 0.1.0
 * @category analysis
 */
export interface AnalyzeOptions extends ReadOptions, AnalysisSettings {
  /** Window start and end in epoch milliseconds; the first and last event when absent. */
  readonly from?: number
  readonly to?: number
}

/**
 * The item attributes an analysis keeps: the defaults and the one that marks defects.
 *
 * @since 0.1.0
 * @category analysis
 */
export const keptAttributes = (settings: AnalysisSettings): ReadonlyArray<string> => {
  const marker = settings.upstream?.failureDemand.attribute
  return marker === undefined || KEPT_ATTRIBUTES.includes(marker)
    ? KEPT_ATTRIBUTES
    : [...KEPT_ATTRIBUTES, marker]
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
    const { events, lines, skippedLines } = yield* readEventLog(chunks, {
      ...options,
      itemAttributes: keptAttributes(options),
    })
    const from = options.from ?? (events.accepted > 0 ? events.firstAt : 0)
    const to = options.to ?? (events.accepted > 0 ? events.lastAt : 0)
    if (to < from) {
      return yield* new InvalidWindow({
        reason: `--from ${new Date(from).toISOString()} is after --to ${new Date(to).toISOString()}`,
      })
    }
    return analyzeLog(
      events,
      { from, to },
      options.stream ?? defaultValueStream,
      summarizeInput(events, lines, skippedLines),
      options,
    )
  })

/**
 * The pure part of {@link analyzeNdjson}: join the log's items across sources, fold them into
 * timelines and build the report (bare deployments count for the DORA keys only).
 *
 * @since 0.1.0
 * @category analysis
 */
export const analyzeLog = (
  log: Pick<EventLog, 'items' | 'hints' | 'sources'>,
  window: Window,
  stream: ValueStream,
  input: FlowReport['input'],
  settings: AnalysisSettings = {},
): FlowReport => {
  const index = indexStream(stream)
  const correlated = correlate(log, settings.correlation)
  const folded = foldTimelines(foldedItems(correlated), index, { parts: correlated.parts })
  const { warnings, done } = folded
  const timelines = folded.timelines.filter((timeline) => !correlated.deployments.has(timeline.itemId))
  const bareDeployments =
    correlated.deployments.size === 0
      ? []
      : folded.timelines.filter((timeline) => correlated.deployments.has(timeline.itemId))
  return buildReport(timelines, index, window, input, inputWarnings(input, warnings), done, {
    correlation: correlated.summary,
    bareDeployments,
    attributeOf: (itemId, name) => log.hints.get(itemId)?.attributes.get(name),
    ...(settings.upstream === undefined ? {} : { upstream: settings.upstream }),
  })
}

/**
 * {@link analyzeLog} of items grouped by hand, without links or attributes: nothing joins.
 *
 * @since 0.1.0
 * @category analysis
 */
export const analyzeEventLog = (
  items: ReadonlyMap<string, ReadonlyArray<ItemEvent>>,
  window: Window,
  stream: ValueStream,
  input: FlowReport['input'],
): FlowReport => analyzeLog({ items, hints: new Map(), sources: [] }, window, stream, input)
