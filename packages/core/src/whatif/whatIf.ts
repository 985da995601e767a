import { Effect, Either } from 'effect'
import { analyzeEventLog } from '../analysis/analyze.js'
import type { InvalidEvents, SourceUnreadable } from '../analysis/errors.js'
import { NoEvents } from '../analysis/NoEvents.js'
import { type ReadOptions, readEventLog } from '../analysis/readEventLog.js'
import type { ChunkSource } from '../event/ndjson.js'
import { type InputSummary, inputWarnings, summarizeInput } from '../ingest/inputWarnings.js'
import { nominalFlow } from '../simulate/flow.js'
import { meanOf } from '../simulate/random.js'
import type { SimScenario } from '../simulate/scenario.js'
import { checkWorkBudget } from '../simulate/workBudget.js'
import { indexStream } from '../stream/StreamIndex.js'
import { defaultValueStream } from '../stream/ValueStream.js'
import { foldTimelines } from '../timeline/fold.js'
import { applyChanges, parseScenario, type ScenarioChange } from './changes.js'
import { type Estimate, spreadOf } from './Estimate.js'
import { fitModel } from './FittedModel.js'
import { type Overload, overloadOf } from './Overload.js'
import { observedOverload } from './observedOverload.js'
import { type ReplicationOptions, replicate, type ScenarioOutcome } from './replicate.js'
import { ScenarioInvalid } from './ScenarioInvalid.js'

/**
 * What-if options: the scenarios (each a `;`-separated list of changes) and how to replicate:
 * 20 replications, each as long as the observed window (at least 30 days), measured after a
 * warm-up of a fifth of it (at most 14 days), seed 1, unless set.
 *
 * @since 0.1.0
 * @category what-if
 */
export interface WhatIfOptions extends ReadOptions {
  readonly scenarios: ReadonlyArray<string>
  readonly replications?: number
  readonly horizonDays?: number
  readonly warmupDays?: number
  readonly seed?: number
  /**
   * Runs a scenario's replications; in this thread (`replicate`) when absent. A command line
   * passes one that spreads them over worker threads.
   */
  readonly replicateWith?: (scenario: SimScenario, options: ReplicationOptions) => Promise<ScenarioOutcome>
  /**
   * Told, before anything runs, how many replications the what-if will run in all (an unstable
   * result runs more, to show how its lead time grows): for showing progress.
   */
  readonly planned?: (replications: number) => void
  /** The window the model is fitted to (epoch ms); all the events when absent. */
  readonly from?: number
  readonly to?: number
}

/**
 * One result of a what-if (the baseline or a scenario): the simulated outcome, and when it is
 * unstable, lead time p85 after 30 and after 90 days of the overload (it grows without bound;
 * empty when stable).
 *
 * @since 0.1.0
 * @category what-if
 */
export interface WhatIfOutcome extends ScenarioOutcome {
  readonly leadTimeP85After: ReadonlyArray<{ readonly days: number; readonly p85: Estimate }>
}

/**
 * A what-if answer: the fit of the model to the data (what it found, the baseline simulated
 * against the observed, whether the data shows an overloaded stage, and a warning for each
 * measure more than 15% off), how the runs were made, the baseline, and each scenario by its
 * text.
 *
 * @since 0.1.0
 * @category what-if
 */
export interface WhatIf {
  /** What reading the events found, and the warnings about it (as `analyze` gives them). */
  readonly input: InputSummary
  readonly warnings: ReadonlyArray<string>
  readonly fit: {
    readonly warnings: ReadonlyArray<string>
    readonly model: {
      readonly stages: ReadonlyArray<{
        readonly name: string
        /** How many it works on at once; null when the data showed no limit. */
        readonly servers: number | null
        readonly meanServiceSeconds: number
        readonly rework: number
      }>
      readonly arrivalsPerDay: number
      readonly arrivalTrendPerDay: number
      /** The first stage always has a next item: the model pulls from an unlimited backlog. */
      readonly saturated: boolean
    }
    /**
     * The baseline simulated the way the data was observed: over the window from an empty
     * stream when the window starts at the first event (nothing can be in progress before it),
     * else as the baseline (after the warm-up). What the fit check compares with the data.
     */
    readonly simulated: {
      readonly horizonDays: number
      readonly warmupDays: number
      readonly throughputPerDay: Estimate
      readonly leadTime: { readonly p50: Estimate; readonly p85: Estimate; readonly p95: Estimate }
      readonly stages: ReadonlyArray<{ readonly name: string; readonly wip: Estimate }>
    }
    readonly observed: {
      readonly throughputPerDay: number
      readonly leadTime: { readonly p50: number; readonly p85: number; readonly p95: number }
      readonly stages: ReadonlyArray<{
        readonly name: string
        readonly wip: number
        readonly throughputPerDay: number
        readonly queueGrowthPerDay: number
      }>
      readonly stable: boolean
      readonly overload: Overload | null
    }
  }
  readonly simulation: ReplicationOptions
  readonly baseline: WhatIfOutcome
  readonly scenarios: ReadonlyArray<{ readonly name: string } & WhatIfOutcome>
}

/** Days of an overload after which an unstable result's lead time p85 is measured. */
const OVERLOAD_DAYS = [30, 90] as const

const TOLERANCE = 0.15

/**
 * Warns when the model's measure is more than 15% off the data's and the data falls outside what
 * single runs of the model give (two standard deviations of one replication from their mean): a
 * difference within the runs' own spread is chance, not a misfit.
 */
const compare = (
  warnings: string[],
  what: string,
  simulated: Estimate,
  observed: number,
  replications: number,
  unit = '',
  scale = 1,
) => {
  const value = simulated.mean / scale
  const seen = observed / scale
  if (seen === 0 && value === 0) return
  const off = seen === 0 ? Number.POSITIVE_INFINITY : (value - seen) / seen
  if (Math.abs(off) <= TOLERANCE) return
  if (Math.abs(simulated.mean - observed) <= 2 * spreadOf(simulated, replications)) return
  const percent = Number.isFinite(off) ? `${off > 0 ? '+' : ''}${Math.round(off * 100)}%` : 'observed none'
  warnings.push(
    `the model's ${what} is ${value.toFixed(2)}${unit} where the data shows ${seen.toFixed(2)}${unit} (${percent}): read its predictions with care`,
  )
}

/**
 * Fits a simulation model to a file of stage events and runs the baseline and each scenario:
 * throughput, lead time percentiles, WIP and the wait in front of each work stage, and the
 * constraint, each with a 90% interval from independent replications.
 *
 * @since 0.1.0
 * @category what-if
 */
export const whatIfNdjson = (
  chunks: ChunkSource,
  options: WhatIfOptions,
): Effect.Effect<WhatIf, InvalidEvents | SourceUnreadable | NoEvents | ScenarioInvalid> =>
  Effect.gen(function* () {
    const stream = options.stream ?? defaultValueStream
    const index = indexStream(stream)
    const { events, lines, skippedLines } = yield* readEventLog(chunks, options)
    if (events.accepted === 0) return yield* new NoEvents({ source: options.sourceName ?? 'events' })
    const window = { from: options.from ?? events.firstAt, to: options.to ?? events.lastAt }
    const { timelines, warnings: timelineWarnings } = foldTimelines(events.items, index)
    const model = fitModel(timelines, index, window)
    if (model.stages.length === 0 || model.interarrivalHours.length === 0) {
      return yield* new ScenarioInvalid({
        reason:
          'too little data to fit a model: it needs finished stays in a work stage and at least two items',
      })
    }
    const parsed: Array<{ name: string; changes: ReadonlyArray<ScenarioChange> }> = []
    for (const text of options.scenarios) {
      const changes = parseScenario(text, model.stages)
      if (Either.isLeft(changes))
        return yield* new ScenarioInvalid({ reason: `--scenario ${JSON.stringify(text)}: ${changes.left}` })
      if (model.saturated && changes.right.some((change) => change.kind === 'arrivals')) {
        return yield* new ScenarioInvalid({
          reason: `--scenario ${JSON.stringify(text)}: ${model.stages[0]!.name} always has a next item (it pulls from a backlog that is never empty), so more arrivals change nothing: change its speed or capacity instead`,
        })
      }
      parsed.push({ name: text, changes: changes.right })
    }
    const base: SimScenario = {
      seed: 0,
      start: new Date(window.from).toISOString(),
      days: 0,
      arrivals: model.saturated
        ? { kind: 'saturated' }
        : { kind: 'renewal', interval: { kind: 'empirical', samples: model.interarrivalHours } },
      stages: model.stages,
    }
    const horizonDays = options.horizonDays ?? Math.max(30, Math.round(model.days))
    const replication: ReplicationOptions = {
      replications: options.replications ?? 20,
      horizonDays,
      warmupDays: options.warmupDays ?? Math.min(14, horizonDays / 5),
      seed: options.seed ?? 1,
    }
    const input = summarizeInput(events, lines, skippedLines)
    const report = analyzeEventLog(events.items, window, stream, input)
    const { throughputPerDay: observedThroughput, leadTime: observedLead } = report
    if (observedThroughput === null || observedLead === null) {
      return yield* new ScenarioInvalid({
        reason: 'no item was done in the window: a fitted model needs done items to be checked against',
      })
    }
    const observedOverloaded = observedOverload(
      report.stages,
      model.stages.map((stage) => stage.name),
    )
    const changed = parsed.map(({ name, changes }) => ({ name, scenario: applyChanges(base, changes) }))
    // An unstable result also runs for 30 and 90 days, to show how its lead time grows.
    const unstable = (scenario: SimScenario) => overloadOf(nominalFlow(scenario)) !== null
    const all = [
      { name: 'baseline', scenario: base },
      ...changed.map(({ name, scenario }) => ({ name: `--scenario ${JSON.stringify(name)}`, scenario })),
    ]
    // A window from the first event starts empty, as the simulation does: compare like with like.
    const startsEmpty = options.from === undefined
    const longer = all.filter(
      ({ scenario }) => unstable(scenario) || (scenario === base && observedOverloaded !== null),
    )
    const budget = checkWorkBudget(
      [
        ...all,
        ...longer.flatMap((entry) => OVERLOAD_DAYS.map((days) => ({ ...entry, days }))),
        ...(startsEmpty ? [{ name: 'baseline', scenario: base, days: model.days }] : []),
      ],
      replication.replications,
      horizonDays,
    )
    if (Either.isLeft(budget)) return yield* new ScenarioInvalid({ reason: budget.left })
    options.planned?.(
      replication.replications * (all.length + longer.length * OVERLOAD_DAYS.length + (startsEmpty ? 1 : 0)),
    )
    const run = (scenario: SimScenario, replicationOptions: ReplicationOptions) =>
      options.replicateWith === undefined
        ? Effect.sync(() => replicate(scenario, replicationOptions))
        : Effect.promise(() => options.replicateWith!(scenario, replicationOptions))
    const outcomeOf = (scenario: SimScenario, overloadSeen: Overload | null = null) =>
      Effect.gen(function* () {
        const simulated = yield* run(scenario, replication)
        const overload = simulated.overload ?? overloadSeen
        if (overload === null) return { ...simulated, leadTimeP85After: [] }
        // The lead time of the items done on the last day of 30 (or 90) days of the overload.
        const leadTimeP85After = yield* Effect.forEach(OVERLOAD_DAYS, (days) =>
          run(scenario, { ...replication, horizonDays: days, warmupDays: days - 1 }).pipe(
            Effect.map((outcome) => ({ days, p85: outcome.leadTime.p85 })),
          ),
        )
        return { ...simulated, stable: false, overload, leadTimeP85After }
      })
    const baseline: WhatIfOutcome = yield* outcomeOf(base, observedOverloaded)
    const check = startsEmpty
      ? { ...replication, horizonDays: model.days, warmupDays: 0 }
      : { ...replication }
    const simulated = startsEmpty ? yield* run(base, check) : baseline
    const observedStages = model.stages.map((stage) => {
      const metrics = report.stages.find((entry) => entry.name === stage.name)
      return {
        name: stage.name,
        wip: metrics?.avgWip ?? 0,
        throughputPerDay: metrics?.throughputPerDay ?? 0,
        queueGrowthPerDay: metrics?.queueGrowthPerDay ?? 0,
      }
    })
    const warnings: string[] = []
    const n = replication.replications
    compare(warnings, 'throughput', simulated.throughputPerDay, observedThroughput, n, ' a day')
    if (baseline.stable) {
      for (const p of ['p50', 'p85', 'p95'] as const) {
        compare(warnings, `lead time ${p}`, simulated.leadTime[p], observedLead[p], n, ' h', 3600)
      }
      for (const [k, stage] of simulated.stages.entries()) {
        compare(warnings, `WIP in ${stage.name}`, stage.wip, observedStages[k]!.wip, n)
      }
    } else if (baseline.overload !== null) {
      // An overloaded queue and the lead times grow with time: compare how fast the queue grows
      // (its least-squares trend, in the simulation as in the data).
      const stage = baseline.overload.stage
      const seen = observedStages.find((entry) => entry.name === stage)!.queueGrowthPerDay
      const growth = simulated.stages.find((entry) => entry.name === stage)!.queueGrowthPerDay
      compare(warnings, `queue growth in front of ${stage}`, growth, seen, n, ' a day')
    }
    return {
      input,
      warnings: inputWarnings(input, timelineWarnings),
      fit: {
        warnings,
        model: {
          stages: model.stages.map((stage) => ({
            name: stage.name,
            servers: Number.isFinite(stage.servers) ? stage.servers : null,
            meanServiceSeconds: meanOf(stage.service) * 3600,
            rework: stage.failureRate ?? 0,
          })),
          arrivalsPerDay: model.arrivalsPerDay,
          arrivalTrendPerDay: model.arrivalTrendPerDay,
          saturated: model.saturated,
        },
        simulated: {
          horizonDays: check.horizonDays,
          warmupDays: check.warmupDays,
          throughputPerDay: simulated.throughputPerDay,
          leadTime: simulated.leadTime,
          stages: simulated.stages.map((stage) => ({ name: stage.name, wip: stage.wip })),
        },
        observed: {
          throughputPerDay: observedThroughput,
          leadTime: { p50: observedLead.p50, p85: observedLead.p85, p95: observedLead.p95 },
          stages: observedStages,
          stable: observedOverloaded === null,
          overload: observedOverloaded,
        },
      },
      simulation: replication,
      baseline,
      scenarios: yield* Effect.forEach(changed, ({ name, scenario }) =>
        outcomeOf(scenario).pipe(Effect.map((outcome) => ({ name, ...outcome }))),
      ),
    }
  })
