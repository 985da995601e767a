import { Command, Options } from '@effect/cli'
import { type Forecast, forecastNdjson } from '@herbie/core'
import { Console, Effect, Option } from 'effect'
import { UsageError } from '../errors.js'
import { loadStream } from '../input/loadStream.js'
import { parseInstant } from '../input/parseInstant.js'
import { printWarnings } from '../output/warnings.js'
import { withEvents } from '../store/withEvents.js'
import { defaultTo, integer, json, seed, skipInvalid, stream, text, verbose } from './options.js'
import { eventsOrStore, storeOption } from './storeOption.js'

const items = integer('items', 'N', 'When will N more items be done?').pipe(Options.optional)
const by = text('by', 'DATE', 'How many items will be done by this date (inclusive)?').pipe(Options.optional)
const history = integer(
  'history',
  'DAYS',
  'Draw from the daily throughput of the last DAYS days of data.',
).pipe(defaultTo(90))
const trials = integer('trials', 'N', 'Monte Carlo trials.').pipe(defaultTo(10_000))

const LIKELIHOODS = [
  ['50%', 'p50'],
  ['85%', 'p85'],
  ['95%', 'p95'],
] as const

/**
 * The forecast in words: the history used, then each answer at 50, 85 and 95% likelihood.
 *
 * @since 0.1.0
 * @category render
 */
export const renderForecast = (forecast: Forecast): string => {
  const { history } = forecast
  const lines = [
    `History: ${history.from} to ${history.to} (${history.days} days), ${history.completed} items done, ${history.perDay.toFixed(1)} a day on average.`,
    `${forecast.trials.toLocaleString('en-US')} trials, counting from ${forecast.start}.`,
  ]
  if (forecast.when !== undefined) {
    lines.push('', `When will ${forecast.when.items} more items be done?`)
    for (const [label, key] of LIKELIHOODS) {
      const days = forecast.when.days[key]
      lines.push(
        `  ${label} likely by ${forecast.when.dates[key]}${Number.isFinite(days) ? ` (${days} days)` : ''}`,
      )
    }
  }
  if (forecast.howMany !== undefined) {
    lines.push('', `How many items by ${forecast.howMany.by} (${forecast.howMany.days} days)?`)
    for (const [label, key] of LIKELIHOODS) {
      lines.push(`  ${label} likely: at least ${forecast.howMany.items[key]}`)
    }
  }
  return lines.join('\n')
}

const positive = (flag: string, value: number) =>
  value >= 1
    ? Effect.void
    : Effect.fail(new UsageError({ reason: `${flag} must be at least 1 (got ${value})` }))

/**
 * `herbie forecast`: Monte Carlo forecasts over the daily throughput history of a file of stage (or of the event store without `--events`)
 * events: when N more items will be done (`--items`), how many by a date (`--by`).
 *
 * @since 0.1.0
 * @category commands
 */
export const forecastCommand = Command.make(
  'forecast',
  {
    events: eventsOrStore,
    store: storeOption,
    stream,
    skipInvalid,
    items,
    by,
    history,
    trials,
    seed,
    json,
    verbose,
  },
  (options) =>
    Effect.gen(function* () {
      if (Option.isNone(options.items) && Option.isNone(options.by)) {
        return yield* new UsageError({ reason: 'give --items N, --by DATE, or both' })
      }
      if (Option.isSome(options.items)) yield* positive('--items', options.items.value)
      yield* positive('--history', options.history)
      yield* positive('--trials', options.trials)
      const byMs = Option.isSome(options.by) ? yield* parseInstant('--by', options.by.value) : undefined
      const valueStream = Option.isSome(options.stream) ? yield* loadStream(options.stream.value) : undefined
      const forecast = yield* withEvents({ ...options, config: Option.none() }, (chunks, sourceName) =>
        forecastNdjson(chunks, {
          sourceName,
          skipInvalid: options.skipInvalid,
          historyDays: options.history,
          trials: options.trials,
          seed: options.seed,
          ...(valueStream === undefined ? {} : { stream: valueStream }),
          ...(Option.isSome(options.items) ? { items: options.items.value } : {}),
          ...(byMs === undefined ? {} : { by: byMs }),
        }),
      )
      yield* printWarnings(forecast.warnings)
      yield* Console.log(options.json ? JSON.stringify(forecast, null, 2) : renderForecast(forecast))
    }),
).pipe(
  Command.withDescription(
    'When will N more items be done, how many by a date: Monte Carlo over the daily throughput history.',
  ),
)
