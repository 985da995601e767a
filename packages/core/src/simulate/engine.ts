import type { StageEventEncoded } from '../event/StageEvent.js'
import { capacityPerDay, effectiveServers, nominalFlow } from './flow.js'
import { makeHeap } from './heap.js'
import { type Random, sample, seededRandom } from './random.js'
import type { SimScenario, SimStage } from './scenario.js'

const HOUR_MS = 3_600_000

/**
 * What a simulation produced: the events in time order, how many items started, and the known
 * truth: each stage's load (demand over capacity) and the constraint (the highest load).
 *
 * @since 0.1.0
 * @category simulation
 */
export interface SimResult {
  readonly events: ReadonlyArray<StageEventEncoded>
  readonly items: number
  readonly loads: Readonly<Record<string, number>>
  readonly constraint: string
}

type Pending =
  | { readonly kind: 'arrive' }
  | { readonly kind: 'finish'; readonly item: number; readonly stage: number }

/**
 * Each stage's load for the scenario: the items a day that come in over the items a day it can
 * finish (its effective servers, a WIP limit included, its speed and its rework). With saturated
 * arrivals the first stage's own capacity is the demand. Speed-ups are averaged over the time
 * they apply.
 *
 * @since 0.1.0
 * @category simulation
 */
export const stageLoads = (scenario: SimScenario): Record<string, number> => {
  const demand = nominalFlow(scenario)[0]!.demandPerDay
  const loads: Record<string, number> = {}
  for (const stage of scenario.stages) {
    const capacity = capacityPerDay(scenario, stage)
    loads[stage.name] = Number.isFinite(capacity) ? demand / capacity : 0
  }
  return loads
}

/**
 * What happens to items in a simulation, as it happens (times in hours from the start): an item
 * becomes ready for a stage (it joins its queue), starts being served, finishes (or fails and
 * goes round again), and is done after the last stage.
 *
 * @since 0.1.0
 * @category simulation
 */
export interface SimObserver {
  readonly ready?: (item: number, stage: number, t: number) => void
  readonly start?: (item: number, stage: number, t: number) => void
  readonly finish?: (item: number, stage: number, t: number, failed: boolean) => void
  readonly done?: (item: number, t: number) => void
}

/**
 * How a run draws its random numbers. With `commonRandomNumbers`, each use of them (the times
 * between arrivals, each stage's service times, each stage's failures) has its own stream from
 * the seed, so two scenarios run on one seed draw the same numbers for the same use: the k-th
 * time between arrivals and each stage's k-th service time (before a speed-up divides it) are the
 * same in both, and the difference between the two shows the change, not the luck of the draw.
 * Without it one stream serves all, in the order the steps happen.
 *
 * @since 0.1.0
 * @category simulation
 */
export interface SimRunOptions {
  readonly commonRandomNumbers?: boolean
}

/**
 * Runs the discrete-event simulation of a scenario and tells the observer each step, without
 * building events: what statistics and what-if runs use. Returns how many items started. The
 * same scenario (seed included) always runs the same way.
 *
 * @since 0.1.0
 * @category simulation
 */
export const runSimulation = (
  scenario: SimScenario,
  observer: SimObserver,
  options: SimRunOptions = {},
): { readonly items: number } => {
  const random: Random = seededRandom(scenario.seed)
  const stream = (): Random =>
    options.commonRandomNumbers === true ? seededRandom(Math.floor(random() * 4_294_967_296)) : random
  const arrivalRandom = stream()
  const serviceRandom = scenario.stages.map(stream)
  const failureRandom = scenario.stages.map(stream)
  const stages = scenario.stages
  const horizon = scenario.days * 24
  const heap = makeHeap<Pending>()
  const busy = stages.map(() => 0)
  const queues: number[][] = stages.map(() => [])
  const heads = stages.map(() => 0)
  // Pull limits: items in each stage and its queue, and items held until a place frees up.
  const inStage = stages.map(() => 0)
  const held: number[][] = stages.map(() => [])
  const full = (k: number) => stages[k]!.wipLimit !== undefined && inStage[k]! >= stages[k]!.wipLimit!
  let items = 0

  const factor = (stage: SimStage, t: number) => {
    let speed = 1
    for (const up of scenario.speedups ?? [])
      if (up.stage === stage.name && t >= up.fromDay * 24) speed *= up.factor
    return speed
  }
  const start = (item: number, k: number, t: number) => {
    const stage = stages[k]!
    busy[k]!++
    observer.start?.(item, k, t)
    heap.push(t + sample(stage.service, serviceRandom[k]!) / factor(stage, t), {
      kind: 'finish',
      item,
      stage: k,
    })
  }
  const ready = (item: number, k: number, t: number) => {
    inStage[k]!++
    observer.ready?.(item, k, t)
    if (busy[k]! < stages[k]!.servers) start(item, k, t)
    else queues[k]!.push(item)
  }
  const newItem = () => items++

  // An item leaves stage k (done with it); a held item takes its place.
  const leave = (k: number, t: number) => {
    inStage[k]!--
    const next = held[k]!.shift()
    if (next === undefined) return
    if (k > 0) release(next, k - 1, t)
    ready(next, k, t)
  }
  // A held item finally exits stage k: its server takes the next in line.
  const release = (item: number, k: number, t: number) => {
    busy[k]!--
    observer.finish?.(item, k, t, false)
    leave(k, t)
    const queue = queues[k]!
    if (heads[k]! < queue.length) start(queue[heads[k]!++]!, k, t)
  }
  const arrivals = scenario.arrivals
  if (arrivals.kind === 'saturated') {
    // The first stage takes as many items as it may hold at once (its servers, or its WIP limit).
    for (let s = 0; s < effectiveServers(stages[0]!); s++) {
      inStage[0]!++
      start(newItem(), 0, 0)
    }
  } else heap.push(0, { kind: 'arrive' })
  const nextArrival = (t: number) =>
    arrivals.kind === 'poisson'
      ? t - Math.log(1 - arrivalRandom()) / (arrivals.perDay / 24)
      : arrivals.kind === 'renewal'
        ? t + sample(arrivals.interval, arrivalRandom)
        : t

  for (let next = heap.pop(); next !== undefined && next.key <= horizon; next = heap.pop()) {
    const t = next.key
    const pending = next.value
    if (pending.kind === 'arrive') {
      const item = newItem()
      if (full(0)) held[0]!.push(item)
      else ready(item, 0, t)
      heap.push(nextArrival(t), { kind: 'arrive' })
      continue
    }
    const k = pending.stage
    const stage = stages[k]!
    const failed = stage.failureRate !== undefined && failureRandom[k]!() < stage.failureRate
    if (!failed && k + 1 < stages.length && full(k + 1)) {
      // Pulled, not pushed: the item waits in this stage, holding its server, for a place.
      held[k + 1]!.push(pending.item)
      continue
    }
    busy[k]!--
    observer.finish?.(pending.item, k, t, failed)
    // The freed server takes the next in line before the item moves on (or queues again).
    const queue = queues[k]!
    if (heads[k]! < queue.length) start(queue[heads[k]!++]!, k, t)
    else if (k === 0 && arrivals.kind === 'saturated' && !failed) {
      inStage[0]!++
      start(newItem(), 0, t)
    }
    if (failed) {
      inStage[k]!--
      ready(pending.item, k, t)
      continue
    }
    leave(k, t)
    if (k + 1 < stages.length) ready(pending.item, k + 1, t)
    else observer.done?.(pending.item, t)
  }
  return { items }
}

/**
 * Runs a discrete-event simulation of the scenario and returns its stage events. The same
 * scenario (seed included) always yields the same events.
 *
 * @since 0.1.0
 * @category simulation
 */
export const simulate = (scenario: SimScenario): SimResult => {
  const stages = scenario.stages
  const startMs = Date.parse(scenario.start)
  const prefix = scenario.itemPrefix ?? 'sim'
  const source = scenario.source ?? 'simulator'
  const done = scenario.done ?? 'done'
  const events: StageEventEncoded[] = []
  const visits = new Map<string, number>()

  const emit = (
    item: number,
    stage: string,
    type: 'enter' | 'exit',
    t: number,
    extra: Partial<StageEventEncoded> = {},
  ) => {
    const itemId = `${prefix}-${item}`
    const key = `${itemId}/${stage}/${type}`
    const visit = (visits.get(key) ?? 0) + 1
    visits.set(key, visit)
    events.push({
      id: `${key}/${visit}`,
      itemId,
      stage,
      type,
      at: new Date(startMs + Math.round(t * HOUR_MS)).toISOString(),
      source,
      ...extra,
    })
  }
  const attributes = (stage: SimStage) =>
    stage.environment === undefined ? {} : { attributes: { environment: stage.environment } }

  const { items } = runSimulation(scenario, {
    ready: (item, k, t) => {
      const queue = stages[k]!.queue
      if (queue !== undefined) emit(item, queue, 'enter', t)
    },
    start: (item, k, t) => {
      const stage = stages[k]!
      if (stage.queue !== undefined) emit(item, stage.queue, 'exit', t)
      emit(item, stage.name, 'enter', t, attributes(stage))
    },
    finish: (item, k, t, failed) => {
      const stage = stages[k]!
      const outcome = stage.failureRate !== undefined || stage.environment !== undefined
      emit(item, stage.name, 'exit', t, {
        ...attributes(stage),
        ...(outcome ? { outcome: failed ? 'failure' : 'success' } : {}),
      })
    },
    done: (item, t) => emit(item, done, 'enter', t),
  })

  const loads = stageLoads(scenario)
  const constraint = Object.entries(loads).reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0]
  return { events, items, loads, constraint }
}
