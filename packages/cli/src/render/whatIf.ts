import { type Estimate, formatDuration, type ScenarioOutcome, type WhatIf } from '@herbie/core'
import { escapeControl } from '../output/escape.js'
import { renderTable } from './table.js'

const perDay = (estimate: Estimate) =>
  `${estimate.mean.toFixed(1)} (${estimate.lo.toFixed(1)}–${estimate.hi.toFixed(1)})`
const duration = (estimate: Estimate) => formatDuration(estimate.mean)
const count = (estimate: Estimate) => estimate.mean.toFixed(1)

/**
 * The what-if in words and tables: the fitted model and its warnings, then the baseline beside
 * each scenario (throughput with its 90% interval, lead time percentiles, the constraint), then
 * WIP and the wait in front of each work stage. Names from the input are shown escaped.
 *
 * @since 0.1.0
 * @category render
 */
export const renderWhatIf = (result: WhatIf): string => {
  const { model } = result.fit
  const lines = [
    `Model fitted to the events: arrivals ${model.arrivalsPerDay.toFixed(1)} a day; ${model.stages
      .map(
        (stage) =>
          `${escapeControl(stage.name)} ${stage.servers} at once, ${formatDuration(stage.meanServiceSeconds)} on average${stage.rework > 0 ? `, ${Math.round(stage.rework * 100)}% rework` : ''}`,
      )
      .join('; ')}.`,
    `Fit, simulated baseline vs the data: ${result.baseline.throughputPerDay.mean.toFixed(1)} vs ${result.fit.observed.throughputPerDay.toFixed(1)} done a day; lead time p50 ${formatDuration(result.baseline.leadTime.p50.mean)} vs ${formatDuration(result.fit.observed.leadTime.p50)}, p85 ${formatDuration(result.baseline.leadTime.p85.mean)} vs ${formatDuration(result.fit.observed.leadTime.p85)}.`,
    ...result.fit.warnings.map((warning) => `Warning: ${escapeControl(warning)}.`),
    '',
  ]
  const all: ReadonlyArray<{ readonly name: string } & ScenarioOutcome> = [
    { name: 'baseline', ...result.baseline },
    ...result.scenarios,
  ]
  lines.push(
    renderTable([
      ['scenario', 'done a day (90%)', 'lead p50', 'lead p85', 'lead p95', 'constraint'],
      ...all.map((outcome) => [
        outcome.name,
        perDay(outcome.throughputPerDay),
        duration(outcome.leadTime.p50),
        duration(outcome.leadTime.p85),
        duration(outcome.leadTime.p95),
        outcome.constraint,
      ]),
    ]),
    '',
    renderTable([
      ['scenario', ...result.baseline.stages.flatMap((stage) => [`${stage.name} WIP`, `wait before`])],
      ...all.map((outcome) => [
        outcome.name,
        ...outcome.stages.flatMap((stage) => [count(stage.wip), duration(stage.waitBefore)]),
      ]),
    ]),
  )
  return lines.join('\n')
}
