import { Command, Options } from '@effect/cli'
import {
  type AnalysisSettings,
  defaultValueStream,
  explainItem,
  readEventLog,
  type ValueStream,
} from '@herbie/core'
import { Console, Effect, Option } from 'effect'
import { analysisSettings } from '../config/analysisSettings.js'
import { UsageError } from '../errors.js'
import { loadStream } from '../input/loadStream.js'
import { openEvents } from '../input/openEvents.js'
import { renderItem, renderReport } from '../render/report.js'
import { config, correlate, events, from, json, skipInvalid, stream, text, to, verbose } from './options.js'
import { runAnalysis } from './runAnalysis.js'

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

/** Reads the events and explains one item; an id no item has is a usage error naming it. */
const explain = (input: {
  readonly events: string
  readonly stream: Option.Option<string>
  readonly skipInvalid: boolean
  readonly json: boolean
  readonly id: string
  readonly settings: AnalysisSettings
}) =>
  Effect.gen(function* () {
    const valueStream: ValueStream | undefined = Option.isSome(input.stream)
      ? yield* loadStream(input.stream.value)
      : undefined
    const chunks = yield* openEvents(input.events)
    const { events: log } = yield* readEventLog(chunks, {
      sourceName: input.events,
      skipInvalid: input.skipInvalid,
      ...(valueStream === undefined ? {} : { stream: valueStream }),
    })
    const explained = explainItem(
      log,
      valueStream ?? defaultValueStream,
      input.id,
      input.settings.correlation,
    )
    if (explained === undefined) {
      return yield* new UsageError({
        reason: `--item: no work item ${JSON.stringify(input.id)} in ${input.events}`,
      })
    }
    yield* Console.log(input.json ? JSON.stringify(explained, null, 2) : renderItem(explained))
  })

/**
 * `herbie analyze`: flow metrics and the constraint of a file of stage events, or with `--item`
 * the drill-down of one work item; items joined and upstream signals read as the config file's
 * `correlation` and `upstream` say (`--config`, or the one in the current folder), and
 * `--correlate` for the rules once.
 *
 * @since 0.1.0
 * @category commands
 */
export const analyzeCommand = Command.make(
  'analyze',
  { events, stream, from, to, json, skipInvalid, item, config, correlate, verbose },
  (options) =>
    Effect.gen(function* () {
      const settings = yield* analysisSettings(options)
      if (Option.isSome(options.item)) return yield* explain({ ...options, id: options.item.value, settings })
      const report = yield* runAnalysis({ ...options, settings })
      yield* Console.log(options.json ? JSON.stringify(report, null, 2) : renderReport(report))
    }),
).pipe(Command.withDescription('Flow metrics, DORA keys and the constraint of a file of stage events.'))
