import { Effect } from 'effect'
import type { InvalidEvents, SourceUnreadable } from '../analysis/errors.js'
import { NoEvents } from '../analysis/NoEvents.js'
import { type ReadOptions, readEventLog } from '../analysis/readEventLog.js'
import type { ChunkSource } from '../event/ndjson.js'
import { type InputSummary, inputWarnings, summarizeInput } from '../ingest/inputWarnings.js'
import { DAY_MS } from '../metrics/Window.js'
import { seededRandom } from '../simulate/random.js'
import { indexStream } from '../stream/StreamIndex.js'
import { defaultValueStream } from '../stream/ValueStream.js'
import { foldTimelines } from '../timeline/fold.js'
import { ForecastImpossible } from './ForecastImpossible.js'
import { MAX_FORECAST_DAYS, MAX_TRIALS } from './limits.js'
import { forecastDays, forecastItems, type Likelihoods } from './monteCarlo.js'
import { dailyThroughput, type ThroughputHistory } from './ThroughputHistory.js'

/**
 * What to forecast: when `items` more will be done, and/or how many will be done by `by`
 * (epoch ms); over the last `historyDays` days of the data (90 by default), with `trials`
 * Monte Carlo trials (10,000 by default) from `seed`.
 *
 * @since 0.1.0
 * @category forecast
 */
export interface ForecastOptions extends ReadOptions {
  readonly items?: number
  readonly by?: number
  readonly historyDays?: number
  readonly trials?: number
  readonly seed?: number
}

/**
 * A forecast: the history it drew from, and the answers at 50%, 85% and 95% likelihood. Days are
 * counted from `start`, the day after the history ends; a date is the day the items are done by.
 *
 * @since 0.1.0
 * @category forecast
 */
export interface Forecast {
  /** What reading the events found, and the warnings about it (as `analyze` gives them). */
  readonly input: InputSummary
  readonly warnings: ReadonlyArray<string>
  readonly history: Omit<ThroughputHistory, 'counts'> & { readonly days: number; readonly perDay: number }
  readonly trials: number
  readonly start: string
  readonly when?: {
    readonly items: number
    readonly days: Likelihoods
    readonly dates: { readonly p50: string; readonly p85: string; readonly p95: string }
  }
  readonly howMany?: { readonly by: string; readonly days: number; readonly items: Likelihoods }
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10)

/**
 * Forecasts from a file of stage events, ActionableAgile style: the items done per day over the
 * history window are sampled at random to answer "when will N more be done" and "how many by
 * that date". Fails with {@link ForecastImpossible} when nothing was done in the window or the
 * date is not after it.
 *
 * @since 0.1.0
 * @category forecast
 */
export const forecastNdjson = (
  chunks: ChunkSource,
  options: ForecastOptions,
): Effect.Effect<Forecast, InvalidEvents | SourceUnreadable | NoEvents | ForecastImpossible> =>
  Effect.gen(function* () {
    const { events, lines, skippedLines } = yield* readEventLog(chunks, options)
    if (events.accepted === 0) return yield* new NoEvents({ source: options.sourceName ?? 'events' })
    const index = indexStream(options.stream ?? defaultValueStream)
    const { timelines, warnings } = foldTimelines(events.items, index)
    const input = summarizeInput(events, lines, skippedLines)
    const historyDays = options.historyDays ?? 90
    const lastDay = Math.floor(events.lastAt / DAY_MS)
    const firstDay = Math.max(Math.floor(events.firstAt / DAY_MS), lastDay - historyDays + 1)
    const history = dailyThroughput(
      timelines.flatMap((timeline) => (timeline.doneAt === undefined ? [] : [timeline.doneAt])),
      { from: firstDay * DAY_MS, to: (lastDay + 1) * DAY_MS - 1 },
    )
    if (history.completed === 0) {
      return yield* new ForecastImpossible({
        reason: `no item was done from ${history.from} to ${history.to}: nothing to forecast from (a longer --history?)`,
      })
    }
    const trials = options.trials ?? 10_000
    if (!(trials >= 1 && trials <= MAX_TRIALS)) {
      return yield* new ForecastImpossible({
        reason: `--trials ${trials} is out of range: 1 to ${MAX_TRIALS.toLocaleString('en-US')}`,
      })
    }
    const random = seededRandom(options.seed ?? 1)
    const start = (lastDay + 1) * DAY_MS
    const dateAfter = (days: number) =>
      Number.isFinite(days) ? isoDay(start + (days - 1) * DAY_MS) : 'not within 10 years'
    const when =
      options.items === undefined
        ? undefined
        : (() => {
            const days = forecastDays(history.counts, options.items, { trials, random })
            return {
              items: options.items,
              days,
              dates: { p50: dateAfter(days.p50), p85: dateAfter(days.p85), p95: dateAfter(days.p95) },
            }
          })()
    let howMany: Forecast['howMany']
    if (options.by !== undefined) {
      const days = Math.floor(options.by / DAY_MS) - lastDay
      if (days < 1) {
        return yield* new ForecastImpossible({
          reason: `${isoDay(options.by)} is not after the history's last day, ${history.to}`,
        })
      }
      if (days > MAX_FORECAST_DAYS) {
        return yield* new ForecastImpossible({
          reason: `${isoDay(options.by)} is ${days.toLocaleString('en-US')} days after the history's last day, ${history.to}; a forecast looks at most ${MAX_FORECAST_DAYS} days (10 years) ahead`,
        })
      }
      howMany = {
        by: isoDay(options.by),
        days,
        items: forecastItems(history.counts, days, { trials, random }),
      }
    }
    const { counts, ...rest } = history
    return {
      input,
      warnings: inputWarnings(input, warnings),
      history: { ...rest, days: counts.length, perDay: history.completed / counts.length },
      trials,
      start: isoDay(start),
      ...(when === undefined ? {} : { when }),
      ...(howMany === undefined ? {} : { howMany }),
    }
  })
