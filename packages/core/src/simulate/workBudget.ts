import { Either } from 'effect'
import { meanOf } from './random.js'
import type { SimScenario } from './scenario.js'

/**
 * The most simulation steps (an item becoming ready for, starting or finishing a stage, or done)
 * one what-if may take over all its runs: a few minutes on a laptop at 4 to 10 million steps a
 * second.
 *
 * @since 0.1.0
 * @category simulation
 */
export const MAX_SIMULATION_STEPS = 1_000_000_000

/**
 * The most items one run may bring in: each item in the stream costs memory, and an overloaded
 * stage keeps every one of them in its queue.
 *
 * @since 0.1.0
 * @category simulation
 */
export const MAX_ITEMS_PER_RUN = 2_000_000

/**
 * How many items a run of the scenario brings in per day: its arrival rate, or with saturated
 * arrivals the first stage's capacity.
 *
 * @since 0.1.0
 * @category simulation
 */
export const itemsPerDay = (scenario: SimScenario): number => {
  const arrivals = scenario.arrivals
  if (arrivals.kind === 'poisson') return arrivals.perDay
  if (arrivals.kind === 'renewal') return 24 / meanOf(arrivals.interval)
  const first = scenario.stages[0]!
  const speed = (scenario.speedups ?? [])
    .filter((speedup) => speedup.stage === first.name)
    .reduce((product, speedup) => product * speedup.factor, 1)
  return (24 * first.servers * speed) / meanOf(first.service)
}

/**
 * An upper estimate of the steps one run of the scenario takes over `days`: each item that comes
 * in becomes ready for, starts and finishes every stage (as many times as its rework makes it
 * go round), then is done.
 *
 * @since 0.1.0
 * @category simulation
 */
export const estimateSteps = (scenario: SimScenario, days: number): number => {
  const perItem = scenario.stages.reduce((sum, stage) => sum + 3 / (1 - (stage.failureRate ?? 0)), 1)
  return itemsPerDay(scenario) * days * perItem
}

const count = (value: number) => Math.round(value).toLocaleString('en-US')

/**
 * Checks that simulating the scenarios, `replications` runs of `days` each (or of an entry's own
 * `days`; a scenario may have several entries under one name), stays within
 * {@link MAX_ITEMS_PER_RUN} and {@link MAX_SIMULATION_STEPS}; otherwise says how much it would
 * take, the limit and what to lower, before anything runs.
 *
 * @since 0.1.0
 * @category simulation
 */
export const checkWorkBudget = (
  scenarios: ReadonlyArray<{ readonly name: string; readonly scenario: SimScenario; readonly days?: number }>,
  replications: number,
  days: number,
): Either.Either<void, string> => {
  for (const { name, scenario } of scenarios) {
    const items = itemsPerDay(scenario) * days
    if (!(items <= MAX_ITEMS_PER_RUN)) {
      return Either.left(
        `${name}: one run would bring in about ${count(items)} items (${count(itemsPerDay(scenario))} a day for ${count(days)} days); the limit is ${count(MAX_ITEMS_PER_RUN)} items a run: shorten --horizon or lower the arrivals factor`,
      )
    }
  }
  const steps =
    scenarios.reduce((sum, entry) => sum + estimateSteps(entry.scenario, entry.days ?? days), 0) *
    replications
  if (!(steps <= MAX_SIMULATION_STEPS)) {
    // A scenario may run more than once (for other lengths): count each name once.
    const named = new Set(scenarios.map((entry) => entry.name)).size
    return Either.left(
      `the simulation would take about ${count(steps)} steps (${named} scenario${named === 1 ? '' : 's'}, baseline included, × ${count(replications)} replications × ${count(days)} days); the limit is ${count(MAX_SIMULATION_STEPS)} steps: lower --replications, shorten --horizon or lower the arrivals factor`,
    )
  }
  return Either.right(undefined)
}
