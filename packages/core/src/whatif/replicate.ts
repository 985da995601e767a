import { quantileSorted } from '../metrics/percentile.js'
import { runSimulation, stageLoads } from '../simulate/engine.js'
import { nominalFlow } from '../simulate/flow.js'
import type { SimScenario } from '../simulate/scenario.js'
import { type Estimate, estimateOf } from './Estimate.js'
import { type Overload, overloadOf } from './Overload.js'

const HOUR_S = 3600

/**
 * One work stage in a scenario: simulated WIP, wait in front of it (seconds), output and queue
 * growth (the least-squares trend of its queue after the warm-up, items per day), each with its
 * 90% interval, and from the model's means the items a
 * day that reach it and that it can finish, at its servers and WIP limit.
 *
 * @since 0.1.0
 * @category what-if
 */
export interface StageOutcome {
  readonly name: string
  readonly wip: Estimate
  readonly waitBefore: Estimate
  readonly throughputPerDay: Estimate
  readonly queueGrowthPerDay: Estimate
  /** How many it works on at once; null when there is no limit. */
  readonly servers: number | null
  readonly wipLimit: number | null
  readonly demandPerDay: number
  /** Null when the stage has no limit. */
  readonly capacityPerDay: number | null
}

/**
 * What a scenario gives, each value with its 90% interval over replications: throughput per day,
 * lead time percentiles (seconds) of the items done after the warm-up, each work stage's
 * figures, the constraint (the stage with the least capacity for the demand on it), what limits
 * throughput (`limitedBy`: the first stage that gets as much as it can finish, or null when the
 * arrivals do), and whether the line is stable: an `overload` names the stage whose queue grows
 * fastest, from the model's means. An unstable result's lead times hold for its horizon only.
 *
 * @since 0.1.0
 * @category what-if
 */
export interface ScenarioOutcome {
  readonly throughputPerDay: Estimate
  readonly leadTime: { readonly p50: Estimate; readonly p85: Estimate; readonly p95: Estimate }
  readonly stages: ReadonlyArray<StageOutcome>
  readonly constraint: string
  readonly limitedBy: string | null
  readonly stable: boolean
  readonly overload: Overload | null
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
  readonly stageThroughputPerDay: ReadonlyArray<number>
  readonly queueGrowthPerDay: ReadonlyArray<number>
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
  const finished = stages.map(() => 0)
  // Items waiting for each stage, and the integrals of the queue over time (and times time) after
  // the warm-up: its least-squares trend, measured as `analyze` measures the data's.
  const waiting = stages.map(() => 0)
  const queueArea = stages.map(() => 0)
  const queueMoment = stages.map(() => 0)
  const queueSince = stages.map(() => warmupHours)
  const queue = (k: number, t: number, delta: number) => {
    if (t > warmupHours) {
      const a = queueSince[k]! - warmupHours
      const b = t - warmupHours
      queueArea[k]! += waiting[k]! * (b - a)
      queueMoment[k]! += (waiting[k]! * (b * b - a * a)) / 2
      queueSince[k] = t
    }
    waiting[k]! += delta
  }
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
  runSimulation(
    scenario,
    {
      ready: (item, k, t) => {
        steps++
        queue(k, t, 1)
        if (k === 0 && visibleQueue && !arrivedAt.has(item)) arrivedAt.set(item, t)
        readyAt.set(item, t)
      },
      start: (item, k, t) => {
        steps++
        if (k === 0 && !arrivedAt.has(item)) arrivedAt.set(item, t)
        change(k, t, 1)
        // A saturated first stage starts items that never waited (nor became ready).
        const ready = readyAt.get(item) ?? t
        if (readyAt.delete(item)) queue(k, t, -1)
        if (ready >= warmupHours) {
          waits[k]!.sum += t - ready
          waits[k]!.count++
        }
      },
      finish: (_item, k, t, failed) => {
        steps++
        change(k, t, -1)
        if (!failed && t >= warmupHours) finished[k]!++
      },
      done: (item, t) => {
        steps++
        const arrived = arrivedAt.get(item)
        arrivedAt.delete(item)
        readyAt.delete(item)
        if (t < warmupHours) return
        done++
        if (arrived !== undefined) leads.push((t - arrived) * HOUR_S)
      },
    },
    { commonRandomNumbers: true },
  )
  for (let k = 0; k < stages.length; k++) {
    change(k, horizon, 0)
    queue(k, horizon, 0)
  }
  leads.sort((a, b) => a - b)
  const wip = area.map((value) => value / span)
  const spanDays = span / 24
  const trend = (k: number) => {
    const mean = queueArea[k]! / span
    return ((queueMoment[k]! / span - (span / 2) * mean) / ((span * span) / 12)) * 24
  }
  return {
    throughputPerDay: done / spanDays,
    lead: [quantileSorted(leads, 0.5), quantileSorted(leads, 0.85), quantileSorted(leads, 0.95)],
    wip,
    waitBefore: waits.map((wait) => (wait.count === 0 ? 0 : (wait.sum / wait.count) * HOUR_S)),
    stageThroughputPerDay: finished.map((count) => count / spanDays),
    queueGrowthPerDay: stages.map((_, k) => trend(k)),
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
  const measured = { ...scenario, days: options.horizonDays }
  const loads = stageLoads(measured)
  const constraint = Object.entries(loads).reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0]
  const flow = nominalFlow(measured)
  const overload = overloadOf(flow)
  // Throughput is the least of the arrivals and every stage's capacity.
  const least = flow.reduce((best, stage) => (stage.capacityPerDay < best.capacityPerDay ? stage : best))
  const limiting = least.capacityPerDay <= flow[0]!.demandPerDay * (1 + 1e-9) ? least : undefined
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
      throughputPerDay: estimateOf(runs.map((run) => run.stageThroughputPerDay[k]!)),
      queueGrowthPerDay: estimateOf(runs.map((run) => run.queueGrowthPerDay[k]!)),
      servers: Number.isFinite(stage.servers) ? stage.servers : null,
      wipLimit: stage.wipLimit ?? null,
      demandPerDay: flow[k]!.demandPerDay,
      capacityPerDay: Number.isFinite(flow[k]!.capacityPerDay) ? flow[k]!.capacityPerDay : null,
    })),
    constraint,
    limitedBy: limiting?.name ?? null,
    stable: overload === null,
    overload,
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
