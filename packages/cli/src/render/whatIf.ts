import {
  type Estimate,
  type FlowReport,
  formatDuration,
  type Overload,
  observedOverload,
  type WhatIf,
  type WhatIfOutcome,
} from '@herbie/core'
import { escapeControl } from '../output/escape.js'
import { renderTable } from './table.js'

const perDay = (estimate: Estimate) =>
  `${estimate.mean.toFixed(1)} (${estimate.lo.toFixed(1)}–${estimate.hi.toFixed(1)})`
const count = (estimate: Estimate) => estimate.mean.toFixed(1)
const rate = (value: number) => value.toFixed(1)

/** Why a stage works on fewer items at once than it has servers, if a WIP limit is the reason. */
const wipLimited = (stage: WhatIfOutcome['stages'][number]) =>
  stage.wipLimit !== null && (stage.servers === null || stage.wipLimit < stage.servers)
    ? ` (its WIP limit of ${stage.wipLimit} lets it work on ${stage.wipLimit} at once${stage.servers === null ? '' : ` of ${stage.servers}`})`
    : ''

/**
 * One sentence on what limits a result: an overload (the stage, what reaches it and what it can
 * finish, how fast its queue grows, and lead time p85 after 30 and 90 days of it), the stage
 * whose capacity sets throughput, or the arrivals when every stage could finish more.
 *
 * @since 0.1.0
 * @category render
 */
export const limitSentence = (outcome: WhatIfOutcome): string => {
  const { overload } = outcome
  if (overload !== null) {
    const stage = outcome.stages.find((entry) => entry.name === overload.stage)
    const after = outcome.leadTimeP85After
      .map(
        (entry, i) =>
          `${i === 0 ? 'p85 after ' : 'after '}${entry.days} days${i === 0 ? ' of it' : ''}: ${formatDuration(entry.p85.mean)}`,
      )
      .join(', ')
    return `unstable: ${escapeControl(overload.stage)} would get ${rate(overload.demandPerDay)} items a day and can finish ${rate(overload.capacityPerDay)}${stage === undefined ? '' : wipLimited(stage)}; its queue grows by ${rate(overload.queueGrowthPerDay)} a day and lead time grows without bound${after === '' ? '' : ` (${after})`}.`
  }
  const limit = outcome.stages.find((entry) => entry.name === outcome.limitedBy)
  if (limit !== undefined) {
    return `${escapeControl(limit.name)} limits it: it can finish ${rate(limit.capacityPerDay ?? 0)} items a day${wipLimited(limit)} and gets as many as it can finish.`
  }
  const busiest = outcome.stages.find((entry) => entry.name === outcome.constraint)
  const share =
    busiest === undefined || busiest.capacityPerDay === null
      ? ''
      : `; the busiest is ${escapeControl(busiest.name)}, at ${Math.round((100 * busiest.demandPerDay) / busiest.capacityPerDay)}% of what it can finish`
  return `the arrivals limit it: ${rate(outcome.stages[0]?.demandPerDay ?? 0)} items come in a day and every stage can finish more${share}.`
}

const simulatedOver = (result: WhatIf) => {
  const { horizonDays, warmupDays } = result.fit.simulated
  return warmupDays === 0
    ? `from empty, over ${horizonDays.toFixed(1)} days`
    : `days ${warmupDays.toFixed(1)} to ${horizonDays.toFixed(1)}`
}

/**
 * The what-if in words and tables: the fitted model and its warnings, then the baseline beside
 * each scenario (throughput with its 90% interval, lead time percentiles, the constraint), a
 * sentence per result on what limits it (or that it is unstable, and how lead time grows), then
 * WIP and the wait in front of each work stage. The lead times of an unstable result hold for the
 * simulated horizon only and are labelled with it. Names from the input are shown escaped.
 *
 * @since 0.1.0
 * @category render
 */
export const renderWhatIf = (result: WhatIf): string => {
  const { model, simulated, observed } = result.fit
  const lines = [
    `Model fitted to the events: ${model.saturated ? `${escapeControl(model.stages[0]?.name ?? '')} always has a next item (it pulls from a backlog that is never empty)` : `arrivals ${model.arrivalsPerDay.toFixed(1)} a day`}; ${model.stages
      .map(
        (stage) =>
          `${escapeControl(stage.name)} ${stage.servers ?? 'any number'} at once, ${formatDuration(stage.meanServiceSeconds)} on average${stage.rework > 0 ? `, ${Math.round(stage.rework * 100)}% rework` : ''}`,
      )
      .join('; ')}.`,
    `Fit, the baseline simulated as the data was observed (${simulatedOver(result)}) vs the data: ${simulated.throughputPerDay.mean.toFixed(1)} vs ${observed.throughputPerDay.toFixed(1)} done a day; lead time p50 ${formatDuration(simulated.leadTime.p50.mean)} vs ${formatDuration(observed.leadTime.p50)}, p85 ${formatDuration(simulated.leadTime.p85.mean)} vs ${formatDuration(observed.leadTime.p85)}.`,
    ...(observed.overload === null
      ? []
      : [
          `The data shows ${escapeControl(observed.overload.stage)} overloaded: it got ${rate(observed.overload.demandPerDay)} items a day and finished ${rate(observed.overload.capacityPerDay)}, and its queue grew by ${rate(observed.overload.queueGrowthPerDay)} a day; the baseline is unstable, so its lead times depend on how long the overload lasts.`,
        ]),
    ...result.fit.warnings.map((warning) => `Warning: ${escapeControl(warning)}.`),
    '',
  ]
  const all: ReadonlyArray<{ readonly name: string } & WhatIfOutcome> = [
    { name: 'baseline', ...result.baseline },
    ...result.scenarios,
  ]
  const horizon = result.simulation.horizonDays
  // An unstable result's lead time depends on how long it ran: say how long.
  const lead = (outcome: WhatIfOutcome, estimate: Estimate) =>
    outcome.stable ? formatDuration(estimate.mean) : `${formatDuration(estimate.mean)} at ${horizon} d`
  lines.push(
    renderTable([
      ['scenario', 'done a day (90%)', 'lead p50', 'lead p85', 'lead p95', 'constraint'],
      ...all.map((outcome) => [
        outcome.name,
        perDay(outcome.throughputPerDay),
        lead(outcome, outcome.leadTime.p50),
        lead(outcome, outcome.leadTime.p85),
        lead(outcome, outcome.leadTime.p95),
        outcome.constraint,
      ]),
    ]),
    '',
    ...all.map((outcome) => `${escapeControl(outcome.name)}: ${limitSentence(outcome)}`),
    '',
    renderTable([
      ['scenario', ...result.baseline.stages.flatMap((stage) => [`${stage.name} WIP`, `wait before`])],
      ...all.map((outcome) => [
        outcome.name,
        ...outcome.stages.flatMap((stage) => [count(stage.wip), formatDuration(stage.waitBefore.mean)]),
      ]),
    ]),
  )
  return lines.join('\n')
}

const signed = (ratio: number) => `${ratio >= 1 ? '+' : ''}${Math.round((ratio - 1) * 100)}%`

/**
 * A prediction beside what happened: the baseline fitted to a period, one scenario's prediction,
 * and the report of the period after the change, side by side (output of the changed stage,
 * delivery, the queue in front of the constraint, stability, lead time p85), then a sentence
 * comparing the predicted changes with the observed ones.
 *
 * @since 0.1.0
 * @category render
 */
export const renderPrediction = (
  whatIf: WhatIf,
  scenario: { readonly name: string } & WhatIfOutcome,
  before: FlowReport,
  after: FlowReport,
  changed: string,
  constraint: string,
): string => {
  const simulatedStage = (outcome: WhatIfOutcome, name: string) =>
    outcome.stages.find((stage) => stage.name === name)
  const observedStage = (report: FlowReport, name: string) =>
    report.stages.find((stage) => stage.name === name)
  const seen = observedOverload(
    after.stages,
    whatIf.baseline.stages.map((stage) => stage.name),
  )
  const growth = (outcome: WhatIfOutcome) =>
    outcome.overload?.stage === constraint
      ? outcome.overload.queueGrowthPerDay
      : (simulatedStage(outcome, constraint)?.queueGrowthPerDay.mean ?? 0)
  const observedGrowth = observedStage(after, constraint)?.queueGrowthPerDay ?? 0
  const stability = (overload: Overload | null) =>
    overload === null ? 'stable' : `${overload.stage} overloaded`
  const lead = (outcome: WhatIfOutcome) =>
    outcome.stable
      ? formatDuration(outcome.leadTime.p85.mean)
      : `${formatDuration(outcome.leadTime.p85.mean)} at ${whatIf.simulation.horizonDays} d`
  const output = (outcome: WhatIfOutcome) => simulatedStage(outcome, changed)?.throughputPerDay.mean ?? 0
  const observedOutput = (report: FlowReport) => observedStage(report, changed)?.throughputPerDay ?? 0
  const table = renderTable([
    ['', 'first half, model', `${scenario.name}, predicted`, 'second half, observed'],
    [
      `${changed} output (items/day)`,
      rate(output(whatIf.baseline)),
      rate(output(scenario)),
      rate(observedOutput(after)),
    ],
    [
      'delivered (items/day)',
      rate(whatIf.baseline.throughputPerDay.mean),
      rate(scenario.throughputPerDay.mean),
      after.throughputPerDay === null ? '—' : rate(after.throughputPerDay),
    ],
    [
      `${constraint} queue growth (items/day)`,
      rate(growth(whatIf.baseline)),
      rate(growth(scenario)),
      rate(observedGrowth),
    ],
    ['stability', stability(whatIf.baseline.overload), stability(scenario.overload), stability(seen)],
    [
      'lead time p85',
      lead(whatIf.baseline),
      lead(scenario),
      after.leadTime === null ? '—' : formatDuration(after.leadTime.p85),
    ],
  ])
  const delivered =
    before.throughputPerDay === null || after.throughputPerDay === null
      ? ''
      : ` (observed ${signed(after.throughputPerDay / before.throughputPerDay)})`
  const queue =
    scenario.overload === null
      ? `${escapeControl(constraint)} keeps up`
      : `${escapeControl(scenario.overload.stage)} overloaded, its queue growing by ${rate(scenario.overload.queueGrowthPerDay)} a day (observed ${rate(observedGrowth)})`
  return [
    table,
    '',
    `Fitted on the first half only, the model predicts ${escapeControl(changed)} output ${signed(output(scenario) / output(whatIf.baseline))} (observed ${signed(observedOutput(after) / observedOutput(before))}), delivery ${signed(scenario.throughputPerDay.mean / whatIf.baseline.throughputPerDay.mean)}${delivered}, and ${queue}.`,
  ].join('\n')
}
