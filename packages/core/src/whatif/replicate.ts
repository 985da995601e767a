import { quantileSorted } from '../metrics/percentile.js'
import { runSimulation, stageLoads } from '../simulate/engine.js'
import type { SimScenario } from '../simulate/scenario.js'
import { type Estimate, estimateOf } from './Estimate.js'

const HOUR_S = 3600

/**
 * What a scenario gives, each value with its 90% interval over replications: throughput per day,
 * lead time percentiles (seconds), each work stage's WIP and the wait in front of it (seconds),
 * and the constraint (the stage with the least capacity for the demand on it).
 *
 * @since 0.1.0
 * @category what-if
 */
export interface ScenarioOutcome {
  readonly throughputPerDay: Estimate
  readonly leadTime: { readonly p50: Estimate; readonly p85: Estimate; readonly p95: Estimate }
  readonly stages: ReadonlyArray<{
    readonly name: string
    readonly wip: Estimate
    readonly waitBefore: Estimate
  }>
  readonly constraint: string
}

/**
 * How to replicate: how many independent runs, each `horizonDays` long, measured after the first
 * `warmupDays`, seeded from `seed`.
 *
 * @since 0.1.0
 * @category what-if
 */
export interface ReplicationOptions {
  readonly replications: number
  readonly horizonDays: number
  readonly warmupDays: number
  readonly seed: number
}

/**
 * The measurements of one run after its warm-up (plain data, so that worker threads can send
 * them): throughput, lead time percentiles, each stage's WIP and wait, and how many simulation
 * steps it took.
 *
 * @since 0.1.0
 * @category what-if
 */
export interface RunMeasures {
  readonly throughputPerDay: number
  readonly lead: readonly [number, number, number]
  readonly wip: ReadonlyArray<number>
  readonly waitBefore: ReadonlyArray<number>
  readonly steps: number
}

const measureRun = (scenario: SimScenario, warmupHours: number): RunMeasures => {
  const horizon = scenario.days * 24
  const span = horizon - warmupHours
  const stages = scenario.stages
  const arrivedAt = new Map<number, number>()
  const readyAt = new Map<number, number>()
  const inStage = stages.map(() => 0)
  const lastChange = stages.map(() => warmupHours)
  const area = stages.map(() => 0)
  const waits = stages.map(() => ({ sum: 0, count: 0 }))
  const leads: number[] = []
  let done = 0
  let steps = 0
  // Lead time starts where the data would show the item first: its first stage's named queue,
  // or the stage itself (a wait for the first stage with no queue stage leaves no event).
  const visibleQueue = stages[0]!.queue !== undefined
  const change = (k: number, t: number, delta: number) => {
    if (t > warmupHours) area[k]! += inStage[k]! * (t - Math.max(lastChange[k]!, warmupHours))
    lastChange[k] = Math.max(lastChange[k]!, t)
    inStage[k]! += delta
  }
  runSimulation(scenario, {
    ready: (item, k, t) => {
      steps++
      if (k === 0 && visibleQueue && !arrivedAt.has(item)) arrivedAt.set(item, t)
      readyAt.set(item, t)
    },
    start: (item, k, t) => {
      steps++
      if (k === 0 && !arrivedAt.has(item)) arrivedAt.set(item, t)
      change(k, t, 1)
      const ready = readyAt.get(item) ?? t
      if (ready >= warmupHours) {
        waits[k]!.sum += t - ready
        waits[k]!.count++
      }
    },
    finish: (_item, k, t) => {
      steps++
      change(k, t, -1)
    },
    done: (item, t) => {
      steps++
      const arrived = arrivedAt.get(item)
      arrivedAt.delete(item)
      readyAt.delete(item)
      if (t < warmupHours) return
      done++
      if (arrived !== undefined && arrived >= warmupHours) leads.push((t - arrived) * HOUR_S)
    },
  })
  for (let k = 0; k < stages.length; k++) change(k, horizon, 0)
  leads.sort((a, b) => a - b)
  const wip = area.map((value) => value / span)
  return {
    throughputPerDay: done / (span / 24),
    lead: [quantileSorted(leads, 0.5), quantileSorted(leads, 0.85), quantileSorted(leads, 0.95)],
    wip,
    waitBefore: waits.map((wait) => (wait.count === 0 ? 0 : (wait.sum / wait.count) * HOUR_S)),
    steps,
  }
}

/**
 * Runs replication `r` of a scenario: seed `seed + r`, the horizon, measured after the warm-up.
 * The same scenario, options and `r` always measure the same, whichever thread runs it.
 *
 * @since 0.1.0
 * @category what-if
 */
export const runReplication = (scenario: SimScenario, options: ReplicationOptions, r: number): RunMeasures =>
  measureRun({ ...scenario, seed: options.seed + r, days: options.horizonDays }, options.warmupDays * 24)

/**
 * Summarises the runs of a scenario, in replication order, with 90% intervals, and names its
 * constraint: the stage with the least capacity for the demand on it (rework included).
 *
 * @since 0.1.0
 * @category what-if
 */
export const summarizeReplications = (
  scenario: SimScenario,
  options: ReplicationOptions,
  runs: ReadonlyArray<RunMeasures>,
): ScenarioOutcome => {
  const loads = stageLoads({ ...scenario, days: options.horizonDays })
  const constraint = Object.entries(loads).reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0]
  return {
    throughputPerDay: estimateOf(runs.map((run) => run.throughputPerDay)),
    leadTime: {
      p50: estimateOf(runs.map((run) => run.lead[0])),
      p85: estimateOf(runs.map((run) => run.lead[1])),
      p95: estimateOf(runs.map((run) => run.lead[2])),
    },
    stages: scenario.stages.map((stage, k) => ({
      name: stage.name,
      wip: estimateOf(runs.map((run) => run.wip[k]!)),
      waitBefore: estimateOf(runs.map((run) => run.waitBefore[k]!)),
    })),
    constraint,
  }
}

/**
 * Runs independent replications of a scenario (seeds `seed`, `seed + 1`, ...) in this thread and
 * summarises them with 90% intervals; `runDone`, when given, is called as each one finishes.
 *
 * @since 0.1.0
 * @category what-if
 */
export const replicate = (
  scenario: SimScenario,
  options: ReplicationOptions,
  runDone?: () => void,
): ScenarioOutcome =>
  summarizeReplications(
    scenario,
    options,
    Array.from({ length: options.replications }, (_, r) => {
      const run = runReplication(scenario, options, r)
      runDone?.()
      return run
    }),
  )
