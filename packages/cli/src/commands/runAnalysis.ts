import {
  type AnalysisSettings,
  analyzeNdjson,
  type ChunkSource,
  type FlowReport,
  NoEvents,
  type ValueStream,
} from '@herbie/core'
import { Effect, Option } from 'effect'
import { loadStream } from '../input/loadStream.js'
import { openEvents } from '../input/openEvents.js'
import { parseInstant } from '../input/parseInstant.js'

/**
 * What `analyze`, `export` and `demo` share: where the events are and how to read and join them.
 *
 * @since 0.1.0
 * @category commands
 */
export interface AnalysisInput {
  readonly events: string
  readonly stream: Option.Option<string>
  readonly from: Option.Option<string>
  readonly to: Option.Option<string>
  readonly skipInvalid: boolean
  /** How items are joined and the upstream signals read; the defaults when absent. */
  readonly settings?: AnalysisSettings
}

const instant = (flag: string, value: Option.Option<string>) =>
  Option.match(value, {
    onNone: () => Effect.succeed(undefined),
    onSome: (text) => parseInstant(flag, text),
  })

/**
 * Loads the stream, parses the window and analyses NDJSON chunks (a file, the event store) named
 * `sourceName` in messages; input without a valid event fails with `NoEvents`.
 *
 * @since 0.1.0
 * @category commands
 */
export const analyzeChunks = (
  input: Omit<AnalysisInput, 'events'>,
  chunks: ChunkSource,
  sourceName: string,
  stream?: ValueStream,
) =>
  Effect.gen(function* () {
    const valueStream =
      stream ?? (Option.isSome(input.stream) ? yield* loadStream(input.stream.value) : undefined)
    const from = yield* instant('--from', input.from)
    const to = yield* instant('--to', input.to)
    const report: FlowReport = yield* analyzeNdjson(chunks, {
      sourceName,
      skipInvalid: input.skipInvalid,
      ...(valueStream === undefined ? {} : { stream: valueStream }),
      ...(from === undefined ? {} : { from }),
      ...(to === undefined ? {} : { to }),
      ...input.settings,
    })
    // No valid event at all: nothing to report on (not a window in 1970).
    if (report.input.events === 0) return yield* new NoEvents({ source: sourceName })
    return report
  })

/**
 * Streams the events file and analyses it (see {@link analyzeChunks}).
 *
 * @since 0.1.0
 * @category commands
 */
export const runAnalysis = (input: AnalysisInput, stream?: ValueStream) =>
  Effect.flatMap(openEvents(input.events), (chunks) => analyzeChunks(input, chunks, input.events, stream))
