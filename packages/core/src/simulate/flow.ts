import { meanOf } from './random.js'
import type { SimScenario, SimStage } from './scenario.js'

/**
 * How many items a stage works on at once: its servers, or fewer when a WIP limit (which counts
 * the stage and its queue) allows fewer.
 *
 * @since 0.1.0
 * @category simulation
 */
export const effectiveServers = (stage: SimStage): number =>
  Math.min(stage.servers, stage.wipLimit ?? Infinity)

/**
 * How many times faster a stage works in the scenario, averaged over the days a speed-up applies.
 *
 * @since 0.1.0
 * @category simulation
 */
export const speedOf = (scenario: SimScenario, stage: SimStage): number => {
  let slowness = 1
  for (const up of scenario.speedups ?? []) {
    if (up.stage !== stage.name) continue
    const share = scenario.days > 0 ? Math.max(0, scenario.days - up.fromDay) / scenario.days : 1
    slowness *= 1 - share + share / up.factor
  }
  return 1 / slowness
}

/**
 * Items a day a stage can finish: its effective servers times its speed over its mean service
 * time times the attempts an item needs (rework included). Unlimited servers finish any number.
 *
 * @since 0.1.0
 * @category simulation
 */
export const capacityPerDay = (scenario: SimScenario, stage: SimStage): number => {
  const servers = effectiveServers(stage)
  if (!Number.isFinite(servers)) return Number.POSITIVE_INFINITY
  const attempts = 1 / (1 - (stage.failureRate ?? 0))
  return (24 * servers * speedOf(scenario, stage)) / (meanOf(stage.service) * attempts)
}

/**
 * One stage of the nominal flow: the items a day that reach it and the items a day it can finish.
 *
 * @since 0.1.0
 * @category simulation
 */
export interface StageFlow {
  readonly name: string
  readonly demandPerDay: number
  readonly capacityPerDay: number
}

/**
 * The nominal flow through the line, from the model's means: the first stage gets the arrivals
 * (with saturated arrivals, as many as it can finish); every stage passes on what it gets, at
 * most its capacity, to the next.
 *
 * @since 0.1.0
 * @category simulation
 */
export const nominalFlow = (scenario: SimScenario): ReadonlyArray<StageFlow> => {
  const arrivals = scenario.arrivals
  let flow =
    arrivals.kind === 'poisson'
      ? arrivals.perDay
      : arrivals.kind === 'renewal'
        ? 24 / meanOf(arrivals.interval)
        : capacityPerDay(scenario, scenario.stages[0]!)
  return scenario.stages.map((stage) => {
    const capacity = capacityPerDay(scenario, stage)
    const demand = flow
    flow = Math.min(flow, capacity)
    return { name: stage.name, demandPerDay: demand, capacityPerDay: capacity }
  })
}
