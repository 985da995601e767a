import { Effect, Either } from 'effect'
import { analyzeEventLog } from '../analysis/analyze.js'
import type { InvalidEvents, SourceUnreadable } from '../analysis/errors.js'
import { NoEvents } from '../analysis/NoEvents.js'
import { type ReadOptions, readEventLog } from '../analysis/readEventLog.js'
import type { ChunkSource } from '../event/ndjson.js'
import { type InputSummary, inputWarnings, summarizeInput } from '../ingest/inputWarnings.js'
import type { SimScenario } from '../simulate/scenario.js'
import { checkWorkBudget } from '../simulate/workBudget.js'
import { indexStream } from '../stream/StreamIndex.js'
import { defaultValueStream } from '../stream/ValueStream.js'
import { foldTimelines } from '../timeline/fold.js'
import { applyChanges, parseScenario, type ScenarioChange } from './changes.js'
import { fitModel } from './FittedModel.js'
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
  /** The window the model is fitted to (epoch ms); all the events when absent. */
  readonly from?: number
  readonly to?: number
}

/**
 * A what-if answer: the fit of the model to the data (what it found, the baseline simulated
 * against the observed, and a warning for each measure more than 15% off), the baseline, and
 * each scenario by its text.
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
        readonly servers: number
        readonly meanServiceSeconds: number
        readonly rework: number
      }>
      readonly arrivalsPerDay: number
      readonly arrivalTrendPerDay: number
    }
    readonly observed: {
      readonly throughputPerDay: number
      readonly leadTime: { readonly p50: number; readonly p85: number; readonly p95: number }
      readonly stages: ReadonlyArray<{ readonly name: string; readonly wip: number }>
    }
  }
  readonly baseline: ScenarioOutcome
  readonly scenarios: ReadonlyArray<{ readonly name: string } & ScenarioOutcome>
}

const TOLERANCE = 0.15

const compare = (warnings: string[], what: string, simulated: number, observed: number, unit = '') => {
  if (observed === 0 && simulated === 0) return
  const off = observed === 0 ? Number.POSITIVE_INFINITY : (simulated - observed) / observed
  if (Math.abs(off) > TOLERANCE) {
    const percent = Number.isFinite(off) ? `${off > 0 ? '+' : ''}${Math.round(off * 100)}%` : 'observed none'
    warnings.push(
      `the model's ${what} is ${simulated.toFixed(2)}${unit} where the data shows ${observed.toFixed(2)}${unit} (${percent}): read its predictions with care`,
    )
  }
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
      parsed.push({ name: text, changes: changes.right })
    }
    const base: SimScenario = {
      seed: 0,
      start: new Date(window.from).toISOString(),
      days: 0,
      arrivals: { kind: 'renewal', interval: { kind: 'empirical', samples: model.interarrivalHours } },
      stages: model.stages,
    }
    const horizonDays = options.horizonDays ?? Math.max(30, Math.round(model.days))
    const replication: ReplicationOptions = {
      replications: options.replications ?? 20,
      horizonDays,
      warmupDays: options.warmupDays ?? Math.min(14, horizonDays / 5),
      seed: options.seed ?? 1,
    }
    const changed = parsed.map(({ name, changes }) => ({ name, scenario: applyChanges(base, changes) }))
    const budget = checkWorkBudget(
      [
        { name: 'baseline', scenario: base },
        ...changed.map(({ name, scenario }) => ({ name: `--scenario ${JSON.stringify(name)}`, scenario })),
      ],
      replication.replications,
      horizonDays,
    )
    if (Either.isLeft(budget)) return yield* new ScenarioInvalid({ reason: budget.left })
    const run = (scenario: SimScenario) =>
      options.replicateWith === undefined
        ? Effect.sync(() => replicate(scenario, replication))
        : Effect.promise(() => options.replicateWith!(scenario, replication))
    const baseline = yield* run(base)
    const input = summarizeInput(events, lines, skippedLines)
    const report = analyzeEventLog(events.items, window, stream, input)
    const { throughputPerDay: observedThroughput, leadTime: observedLead } = report
    if (observedThroughput === null || observedLead === null) {
      return yield* new ScenarioInvalid({
        reason: 'no item was done in the window: a fitted model needs done items to be checked against',
      })
    }
    const observedStages = model.stages.map((stage) => ({
      name: stage.name,
      wip: report.stages.find((metrics) => metrics.name === stage.name)?.avgWip ?? 0,
    }))
    const warnings: string[] = []
    compare(warnings, 'throughput', baseline.throughputPerDay.mean, observedThroughput, ' a day')
    compare(warnings, 'lead time p50', baseline.leadTime.p50.mean / 3600, observedLead.p50 / 3600, ' h')
    compare(warnings, 'lead time p85', baseline.leadTime.p85.mean / 3600, observedLead.p85 / 3600, ' h')
    compare(warnings, 'lead time p95', baseline.leadTime.p95.mean / 3600, observedLead.p95 / 3600, ' h')
    for (const [k, stage] of baseline.stages.entries()) {
      compare(warnings, `WIP in ${stage.name}`, stage.wip.mean, observedStages[k]!.wip)
    }
    return {
      input,
      warnings: inputWarnings(input, timelineWarnings),
      fit: {
        warnings,
        model: {
          stages: model.stages.map((stage) => ({
            name: stage.name,
            servers: stage.servers,
            meanServiceSeconds:
              stage.service.kind === 'empirical'
                ? (stage.service.samples.reduce((sum, value) => sum + value, 0) /
                    stage.service.samples.length) *
                  3600
                : 0,
            rework: stage.failureRate ?? 0,
          })),
          arrivalsPerDay: model.arrivalsPerDay,
          arrivalTrendPerDay: model.arrivalTrendPerDay,
        },
        observed: {
          throughputPerDay: observedThroughput,
          leadTime: { p50: observedLead.p50, p85: observedLead.p85, p95: observedLead.p95 },
          stages: observedStages,
        },
      },
      baseline,
      scenarios: yield* Effect.forEach(changed, ({ name, scenario }) =>
        run(scenario).pipe(Effect.map((outcome) => ({ name, ...outcome }))),
      ),
    }
  })
