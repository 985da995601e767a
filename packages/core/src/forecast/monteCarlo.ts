import type { Random } from '../simulate/random.js'
import { MAX_FORECAST_DAYS } from './limits.js'

/**
 * Forecast values at 50%, 85% and 95% likelihood.
 *
 * @since 0.1.0
 * @category forecast
 */
export interface Likelihoods {
  readonly p50: number
  readonly p85: number
  readonly p95: number
}

/**
 * Options of a Monte Carlo forecast: how many trials, the random source, and (for "when") the
 * longest horizon a trial may run.
 *
 * @since 0.1.0
 * @category forecast
 */
export interface MonteCarloOptions {
  readonly trials: number
  readonly random: Random
  readonly maxDays?: number
}

const pick = (counts: ReadonlyArray<number>, random: Random) =>
  counts.length === 0 ? 0 : counts[Math.floor(random() * counts.length)]!

/**
 * How many days until `items` more are done: each trial draws days from the history (with
 * replacement) until their sum reaches `items`. A value at 85% means 85% of trials were done
 * within that many days; trials that never get there (a history of empty days) count as
 * `Infinity`.
 *
 * @since 0.1.0
 * @category forecast
 */
export const forecastDays = (
  counts: ReadonlyArray<number>,
  items: number,
  options: MonteCarloOptions,
): Likelihoods => {
  const maxDays = options.maxDays ?? MAX_FORECAST_DAYS
  const outcomes = new Float64Array(options.trials)
  for (let trial = 0; trial < options.trials; trial++) {
    let done = 0
    let days = 0
    while (done < items && days <= maxDays) {
      done += pick(counts, options.random)
      days++
    }
    outcomes[trial] = done >= items ? days : Number.POSITIVE_INFINITY
  }
  outcomes.sort()
  const at = (likelihood: number) => outcomes[Math.ceil(likelihood * options.trials) - 1]!
  return { p50: at(0.5), p85: at(0.85), p95: at(0.95) }
}

/**
 * How many items will be done in the next `days` days: each trial sums `days` days drawn from
 * the history. A value at 85% means 85% of trials did at least that many.
 *
 * @since 0.1.0
 * @category forecast
 */
export const forecastItems = (
  counts: ReadonlyArray<number>,
  days: number,
  options: MonteCarloOptions,
): Likelihoods => {
  const outcomes = new Float64Array(options.trials)
  for (let trial = 0; trial < options.trials; trial++) {
    let done = 0
    for (let d = 0; d < days; d++) done += pick(counts, options.random)
    outcomes[trial] = done
  }
  outcomes.sort()
  const atLeast = (likelihood: number) => outcomes[Math.floor((1 - likelihood) * options.trials)]!
  return { p50: atLeast(0.5), p85: atLeast(0.85), p95: atLeast(0.95) }
}
