import { Command, Options } from '@effect/cli'
import {
  type AnalysisSettings,
  type ChunkSource,
  defaultValueStream,
  explainItem,
  readEventLog,
  type ValueStream,
} from '@herbie/core'
import { Console, Effect, Option } from 'effect'
import { analysisSettings } from '../config/analysisSettings.js'
import { UsageError } from '../errors.js'
import { loadStream } from '../input/loadStream.js'
import { renderItem, renderReport } from '../render/report.js'
import { withEvents } from '../store/withEvents.js'
import { config, correlate, from, json, skipInvalid, stream, text, to, verbose } from './options.js'
import { analyzeChunks } from './runAnalysis.js'
import { eventsOrStore, storeOption } from './storeOption.js'

/**
 * `--item ID`: the drill-down of one work item instead of the report.
 *
 * @since 0.1.0
 * @category commands
 */
export const item = text(
  'item',
  'ID',
  "Show one work item (its id, or any joined member's): the items joined into it, the rule that joined each, and its stays.",
).pipe(Options.optional)

/**
 * What explaining one item needs: where its events come from (any NDJSON chunks, and their name
 * in messages), the stream, and the analysis settings.
 *
 * @since 0.1.0
 * @category commands
 */
export interface ExplainInput {
  readonly chunks: ChunkSource
  readonly sourceName: string
  readonly stream: Option.Option<string>
  readonly skipInvalid: boolean
  readonly id: string
  readonly settings: AnalysisSettings
}

/**
 * Reads the events and explains one item (undefined when no item has the id).
 *
 * @since 0.1.0
 * @category commands
 */
export const explainFrom = (input: ExplainInput) =>
  Effect.gen(function* () {
    const valueStream: ValueStream | undefined = Option.isSome(input.stream)
      ? yield* loadStream(input.stream.value)
      : undefined
    const { events: log } = yield* readEventLog(input.chunks, {
      sourceName: input.sourceName,
      skipInvalid: input.skipInvalid,
      ...(valueStream === undefined ? {} : { stream: valueStream }),
    })
    return explainItem(log, valueStream ?? defaultValueStream, input.id, input.settings.correlation)
  })

/**
 * `herbie analyze`: flow metrics and the constraint of a file of stage events (the event store
 * without `--events`), or with `--item`
 * the drill-down of one work item; items joined and upstream signals read as the config file's
 * `correlation` and `upstream` say (`--config`, or the one in the current folder), and
 * `--correlate` for the rules once.
 *
 * @since 0.1.0
 * @category commands
 */
export const analyzeCommand = Command.make(
  'analyze',
  {
    events: eventsOrStore,
    store: storeOption,
    stream,
    from,
    to,
    json,
    skipInvalid,
    item,
    config,
    correlate,
    verbose,
  },
  (options) =>
    Effect.gen(function* () {
      const settings = yield* analysisSettings(options)
      if (Option.isSome(options.item)) {
        const id = options.item.value
        const { explained, sourceName } = yield* withEvents(options, (chunks, sourceName) =>
          Effect.map(explainFrom({ ...options, chunks, sourceName, id, settings }), (explained) => ({
            explained,
            sourceName,
          })),
        )
        if (explained === undefined) {
          return yield* new UsageError({
            reason: `--item: no work item ${JSON.stringify(id)} in ${sourceName}`,
          })
        }
        return yield* Console.log(options.json ? JSON.stringify(explained, null, 2) : renderItem(explained))
      }
      const report = yield* withEvents(options, (chunks, sourceName) =>
        analyzeChunks({ ...options, settings }, chunks, sourceName),
      )
      yield* Console.log(options.json ? JSON.stringify(report, null, 2) : renderReport(report))
    }),
).pipe(
  Command.withDescription(
    'Flow metrics, DORA keys and the constraint of a file of stage events, or of the event store.',
  ),
)
