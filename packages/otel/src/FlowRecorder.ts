import {
  defaultValueStream,
  doneRuleOf,
  doneScopeOf,
  environmentOf,
  type FlowReport,
  indexStream,
  isAbandonedEvent,
  isProductionEvent,
  nextWorkStage,
  type StageEventEncoded,
  type StreamIndex,
  type ValueStream,
  validateEvent,
  workTime,
} from '@herbie/core'
import { type Attributes, type BatchObservableCallback, type Meter, metrics } from '@opentelemetry/api'
import { closeStay, type ItemState, newItem, openStay, type Stay } from './ItemState.js'
import { createFlowInstruments, type FlowInstruments } from './instruments.js'
import { AttributeNames } from './names.js'
import { INSTRUMENTATION_SCOPE } from './scope.js'

/**
 * Options of a {@link FlowRecorder}.
 *
 * @since 0.1.0
 * @category recorder
 */
export interface FlowRecorderOptions {
  /** Where to record; the global meter provider's meter of {@link INSTRUMENTATION_SCOPE} when absent. */
  readonly meter?: Meter
  /** The value stream the events follow; the default stream when absent. */
  readonly stream?: ValueStream
  /** The clock aging WIP is measured against (epoch ms); `Date.now` when absent. */
  readonly now?: () => number
}

/**
 * An analysis to record at once: its report (the constraint, flow efficiency, change failure
 * rate over its window) and the events it was made from (stage times, lead times, deployments).
 *
 * @since 0.1.0
 * @category recorder
 */
export interface FlowSnapshot {
  readonly report: FlowReport
  readonly events?: Iterable<StageEventEncoded>
}

/**
 * Records Herbie's flow metrics into OpenTelemetry instruments, event by event or from a
 * snapshot of an analysis.
 *
 * @since 0.1.0
 * @category recorder
 */
export interface FlowRecorder {
  /**
   * Records one event: a finished stay updates the stage-time histogram (and the pipeline-run
   * histogram or the deployment counter when it carries an outcome), a done item the lead and
   * cycle times and the throughput counter. An id seen before, an invalid event or a stage not in
   * the stream records nothing and returns false.
   */
  readonly record: (event: unknown) => boolean
  /**
   * Records an analysis: its events (each once, as `record` does) and its report, whose
   * constraint, flow efficiency and change failure rate the gauges then show.
   */
  readonly recordSnapshot: (snapshot: FlowSnapshot) => void
  /** Stops observing the gauges. */
  readonly close: () => void
}

const seconds = (ms: number) => ms / 1000

const PIPELINE_RESULT = { success: 'success', failure: 'failure', cancelled: 'cancellation' } as const

/** What the gauges show, updated by events and snapshots. */
interface Totals {
  workMs: number
  leadMs: number
  productionFinished: number
  productionFailed: number
  failingSince: number | undefined
  snapshot: FlowReport | undefined
}

/**
 * Makes a {@link FlowRecorder}. Instruments are created on the meter once; gauges are observed
 * whenever the SDK collects. Memory: one entry per item until it is done, and the ids seen.
 *
 * @since 0.1.0
 * @category recorder
 */
export const createFlowRecorder = (options: FlowRecorderOptions = {}): FlowRecorder => {
  const meter = options.meter ?? metrics.getMeter(INSTRUMENTATION_SCOPE.name, INSTRUMENTATION_SCOPE.version)
  const index = indexStream(options.stream ?? defaultValueStream)
  const now = options.now ?? Date.now
  const instruments = createFlowInstruments(meter)
  const seen = new Set<string>()
  const items = new Map<string, ItemState>()
  // Repositories whose items are done at their first successful production deployment: their
  // merges are not done. Live, a repository joins when its first deployment candidate arrives.
  const productionScopes = new Set<string>()
  const losesToDeployments = (event: Readonly<Record<string, unknown>>): boolean => {
    const rule = doneRuleOf(event)
    if (rule === 'production-deploy') productionScopes.add(doneScopeOf(event))
    return rule === 'merge' && (productionScopes.has('') || productionScopes.has(doneScopeOf(event)))
  }
  const totals: Totals = {
    workMs: 0,
    leadMs: 0,
    productionFinished: 0,
    productionFailed: 0,
    failingSince: undefined,
    snapshot: undefined,
  }

  const stageAttributes = (stage: number): Attributes => ({
    [AttributeNames.stage]: index.stages[stage]!.name,
    [AttributeNames.activity]: index.isWork[stage] ? 'work' : 'wait',
  })

  const finishStay = (item: ItemState, stay: Stay, event: Readonly<Record<string, unknown>>) => {
    const exit = stay.exit!
    instruments.stageDuration.record(seconds(exit - stay.enter), stageAttributes(stay.stage))
    const outcome = event.outcome as 'success' | 'failure' | 'cancelled' | undefined
    if (outcome === undefined || !index.isWork[stay.stage]) return
    const attributes = (event.attributes ?? {}) as Record<string, unknown>
    const repository =
      typeof attributes.repository === 'string' ? { [AttributeNames.repository]: attributes.repository } : {}
    const environment = environmentOf(event)
    if (environment === undefined) {
      recordPipelineRun(instruments, index, stay, outcome, attributes, repository)
      return
    }
    instruments.deployments.add(1, {
      [AttributeNames.environment]: environment,
      [AttributeNames.outcome]: outcome,
      ...repository,
    })
    if (!isProductionEvent(event) || outcome === 'cancelled') return
    totals.productionFinished++
    if (outcome === 'failure') {
      totals.productionFailed++
      totals.failingSince ??= exit
      return
    }
    // A deployment that is its item's first work shows no change to measure from.
    if (item.firstWork !== undefined && item.firstWork < stay.enter)
      instruments.leadTimeForChanges.record(seconds(exit - item.firstWork))
    if (totals.failingSince !== undefined) {
      instruments.recoveryTime.record(seconds(exit - totals.failingSince))
      totals.failingSince = undefined
    }
  }

  const finishItem = (item: ItemState, at: number) => {
    item.done = true
    const lead = at - item.firstEnter
    instruments.leadTime.record(seconds(lead))
    if (item.committedAt !== undefined) instruments.cycleTime.record(seconds(at - item.committedAt))
    instruments.itemsCompleted.add(1)
    const intervals = [...item.stays]
      .sort((a, b) => a.enter - b.enter)
      .map((stay) => ({ ...stay, outcome: undefined, production: false }))
    totals.workMs += workTime(
      {
        itemId: '',
        intervals,
        firstEnter: item.firstEnter,
        committedAt: item.committedAt,
        doneAt: at,
        abandonedAt: undefined,
      },
      index,
      item.firstEnter,
      at,
    )
    totals.leadMs += lead
    // Finished stays are recorded and no longer needed; open ones wait for a late exit.
    item.stays = item.stays.filter((stay) => stay.exit === undefined)
  }

  const record = (value: unknown): boolean => {
    const at = validateEvent(value)
    if (typeof at !== 'number') return false
    const event = value as Readonly<Record<string, unknown>>
    const stage = index.positionOf.get(event.stage as string)
    const id = event.id as string
    if (stage === undefined || seen.has(id)) return false
    seen.add(id)
    const itemId = event.itemId as string
    let item = items.get(itemId)
    if (item === undefined) {
      item = newItem(at)
      items.set(itemId, item)
    }
    noteChange(item, event)
    if (event.type === 'enter') {
      if (at < item.firstEnter) item.firstEnter = at
      if (stage === index.done) {
        const loses = losesToDeployments(event)
        if (!item.done && !loses) finishItem(item, at)
        return true
      }
      item.abandoned = false
      if (index.isWork[stage] && (item.firstWork === undefined || at < item.firstWork)) item.firstWork = at
      if (stage >= index.commitment && (item.committedAt === undefined || at < item.committedAt))
        item.committedAt = at
      const stay = openStay(item, stage, at)
      if (stay.exit !== undefined) finishStay(item, stay, event)
      return true
    }
    if (stage === index.done) return true
    if (item.lastExit === undefined || at >= item.lastExit.at) {
      item.lastExit = { stage, at }
      item.abandoned = isAbandonedEvent(event)
    }
    const stay = closeStay(item, stage, at)
    if (stay !== undefined) finishStay(item, stay, event)
    return true
  }

  const observe: BatchObservableCallback = (result) => {
    const wip = new Array<number>(index.stages.length).fill(0)
    const queue = new Array<number>(index.stages.length).fill(0)
    const oldest = new Array<number>(index.stages.length).fill(0)
    const clock = now()
    for (const item of items.values()) {
      if (item.done || item.abandoned) continue
      const waitingFor = observeItem(item, index, clock, wip, oldest)
      if (waitingFor !== undefined) queue[waitingFor]!++
    }
    // A WIP and a queue series for every stage of the stream, zeros and the done stage included,
    // so that a dashboard shows every stage; nothing waits in front of a wait stage or done.
    index.stages.forEach((definition, stage) => {
      const attributes = stageAttributes(stage)
      result.observe(instruments.wip, wip[stage]!, attributes)
      result.observe(instruments.queue, queue[stage]!, { [AttributeNames.stage]: definition.name })
      if (stage !== index.done) result.observe(instruments.oldestAge, seconds(oldest[stage]!), attributes)
    })
    observeChanges(items, (count, attributes) => result.observe(instruments.changeCount, count, attributes))
    const report = totals.snapshot
    const efficiency =
      report?.flowEfficiency ?? (totals.leadMs > 0 ? totals.workMs / totals.leadMs : undefined)
    if (efficiency !== undefined) result.observe(instruments.flowEfficiency, efficiency)
    const failureRate =
      report?.dora?.changeFailureRate ??
      (totals.productionFinished > 0 ? totals.productionFailed / totals.productionFinished : undefined)
    if (failureRate !== undefined) result.observe(instruments.changeFailureRate, failureRate)
    if (report !== undefined) {
      for (const ranked of report.constraint.ranking) {
        const attributes = { [AttributeNames.stage]: ranked.stage }
        result.observe(instruments.constraint, ranked.stage === report.constraint.stage ? 1 : 0, attributes)
        result.observe(instruments.constraintScore, ranked.score, attributes)
      }
    }
  }
  const observables = [
    instruments.wip,
    instruments.queue,
    instruments.oldestAge,
    instruments.flowEfficiency,
    instruments.changeFailureRate,
    instruments.constraint,
    instruments.constraintScore,
    instruments.changeCount,
  ]
  meter.addBatchObservableCallback(observe, observables)

  return {
    record,
    recordSnapshot: (snapshot) => {
      // The analysis saw every event: its done rule decides before the first one is recorded.
      for (const { scope, rule } of snapshot.report.done.scopes)
        if (rule === 'production-deploy') productionScopes.add(scope)
      if (snapshot.events !== undefined) for (const event of snapshot.events) record(event)
      totals.snapshot = snapshot.report
    },
    close: () => meter.removeBatchObservableCallback(observe, observables),
  }
}

/**
 * Counts an unfinished item into the WIP and oldest-age tallies, and returns the work stage it
 * waits for, if any: the one after the queue stage it sits in, or after the stage it last left
 * when it sits nowhere (the same rule as the analysis).
 */
const observeItem = (
  item: ItemState,
  index: StreamIndex,
  clock: number,
  wip: number[],
  oldest: number[],
): number | undefined => {
  const inStage = new Set<number>()
  let inWork = false
  let queueStage: number | undefined
  for (const stay of item.stays) {
    if (stay.exit !== undefined) continue
    if (!inStage.has(stay.stage)) {
      inStage.add(stay.stage)
      wip[stay.stage]!++
    }
    oldest[stay.stage] = Math.max(oldest[stay.stage]!, clock - stay.enter)
    if (index.isWork[stay.stage]) inWork = true
    else queueStage = stay.stage
  }
  if (inWork) return undefined
  if (queueStage !== undefined) return nextWorkStage(index, queueStage)
  return item.lastExit === undefined ? undefined : nextWorkStage(index, item.lastExit.stage)
}

/** Marks an item as a change when an event links a pull or merge request, and notes a close without merge. */
const noteChange = (item: ItemState, event: Readonly<Record<string, unknown>>) => {
  const links = event.links as ReadonlyArray<{ kind: string }> | undefined
  const attributes = (event.attributes ?? {}) as Record<string, unknown>
  if (item.change === undefined && links?.some((link) => link.kind === 'pr')) {
    item.change = {
      repository: typeof attributes.repository === 'string' ? attributes.repository : undefined,
      closed: false,
    }
  }
  if (item.change !== undefined && attributes.closedUnmerged === true) item.change.closed = true
}

/** Counts the changes seen by state (`open`, `merged` once done, `closed` unmerged) and repository. */
const observeChanges = (
  items: ReadonlyMap<string, ItemState>,
  observe: (count: number, attributes: Attributes) => void,
) => {
  const counts = new Map<string, { count: number; attributes: Attributes }>()
  for (const item of items.values()) {
    if (item.change === undefined) continue
    const state = item.change.closed ? 'closed' : item.done ? 'merged' : 'open'
    const attributes: Attributes = {
      [AttributeNames.changeState]: state,
      ...(item.change.repository === undefined
        ? {}
        : { [AttributeNames.repository]: item.change.repository }),
    }
    const key = JSON.stringify(attributes)
    const entry = counts.get(key) ?? { count: 0, attributes }
    entry.count++
    counts.set(key, entry)
  }
  for (const { count, attributes } of counts.values()) observe(count, attributes)
}

const recordPipelineRun = (
  instruments: FlowInstruments,
  index: StreamIndex,
  stay: Stay,
  outcome: 'success' | 'failure' | 'cancelled',
  attributes: Record<string, unknown>,
  repository: Attributes,
) => {
  const name =
    typeof attributes.workflow === 'string'
      ? attributes.workflow
      : typeof attributes.pipeline === 'string'
        ? attributes.pipeline
        : index.stages[stay.stage]!.name
  const common = { [AttributeNames.pipelineName]: name, ...repository }
  instruments.pipelineRunDuration.record(seconds(stay.exit! - stay.enter), {
    ...common,
    [AttributeNames.pipelineRunState]: 'executing',
    [AttributeNames.pipelineResult]: PIPELINE_RESULT[outcome],
  })
  const queuedAt = typeof attributes.queuedAt === 'string' ? Date.parse(attributes.queuedAt) : Number.NaN
  if (Number.isFinite(queuedAt) && queuedAt < stay.enter) {
    instruments.pipelineRunDuration.record(seconds(stay.enter - queuedAt), {
      ...common,
      [AttributeNames.pipelineRunState]: 'pending',
      [AttributeNames.pipelineResult]: PIPELINE_RESULT[outcome],
    })
  }
}
