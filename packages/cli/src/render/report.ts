import { type FlowReport, formatDuration, formatPercent } from '@herbie/core'
import { renderTable } from './table.js'

const num = (value: number, digits = 1): string => value.toFixed(digits)

const stageTable = (report: FlowReport): string =>
  renderTable([
    [
      'stage',
      'kind',
      'wait before (p50)',
      'time in stage (p50)',
      'avg WIP',
      'WIP now',
      'done/day',
      'queue/day',
    ],
    ...report.stages
      .filter((stage) => stage.arrivals + stage.departures + stage.wipNow > 0)
      .map((stage) => [
        stage.name,
        stage.activity,
        stage.activity === 'work' ? formatDuration(stage.waitBefore.p50) : '',
        formatDuration(stage.timeInStage.p50),
        num(stage.avgWip),
        String(stage.wipNow),
        num(stage.throughputPerDay),
        stage.activity === 'work'
          ? `${stage.queueGrowthPerDay >= 0 ? '+' : ''}${num(stage.queueGrowthPerDay, 2)}`
          : '',
      ]),
  ])

const doraLines = (report: FlowReport): string[] => {
  const dora = report.dora
  if (dora === undefined) return []
  return [
    '',
    'DORA (production deployments)',
    `  deployment frequency      ${num(dora.deploymentFrequencyPerDay, 2)}/day  (${dora.bands.deploymentFrequency})`,
    `  lead time for changes     ${formatDuration(dora.leadTimeForChanges.p50)} p50  (${dora.bands.leadTimeForChanges})`,
    `  change failure rate       ${formatPercent(dora.changeFailureRate)}  (${dora.bands.changeFailureRate})`,
    `  failed deployment recovery ${dora.failedDeploymentRecoveryTime.count === 0 ? 'no failures' : `${formatDuration(dora.failedDeploymentRecoveryTime.p50)} p50`}  (${dora.bands.failedDeploymentRecoveryTime})`,
    `  rework rate               ${formatPercent(dora.reworkRate)}`,
  ]
}

/**
 * The constraint in one plain sentence.
 *
 * @since 0.1.0
 * @category rendering
 */
export const constraintSentence = (report: FlowReport): string => {
  const { constraint } = report
  return constraint.stage === undefined
    ? 'No constraint found: no work stage has finished enough items to judge.'
    : `The constraint is ${constraint.stage} (confidence ${formatPercent(constraint.confidence)}): it limits how much the whole stream delivers.`
}

/**
 * The terminal report of one analysis: the flow at a glance, the stage table (wait versus work,
 * WIP, throughput), the constraint with its evidence, what not to optimise, DORA, warnings.
 *
 * @since 0.1.0
 * @category rendering
 */
export const renderReport = (report: FlowReport): string => {
  const { items, leadTime, cycleTime } = report
  const lines = [
    `Window ${report.window.from} → ${report.window.to} (${num(report.window.days)} days)`,
    `Items: ${items.total} (${items.completed} done, ${items.inProgress} in progress)   throughput ${num(report.throughputPerDay)}/day`,
    `Lead time p50 ${formatDuration(leadTime.p50)}, p85 ${formatDuration(leadTime.p85)}, p95 ${formatDuration(leadTime.p95)}   cycle time p50 ${formatDuration(cycleTime.p50)}, p85 ${formatDuration(cycleTime.p85)}`,
    `Flow efficiency ${formatPercent(report.flowEfficiency)}: the rest of lead time is waiting.`,
    '',
    stageTable(report),
    '',
    constraintSentence(report),
    ...report.constraint.evidence.map((sentence) => `  - ${sentence}`),
  ]
  if (report.constraint.notToOptimise.length > 0) {
    lines.push(
      '',
      'Not worth optimising now:',
      ...report.constraint.notToOptimise.map((entry) => `  - ${entry.reason}`),
    )
  }
  lines.push(...doraLines(report))
  if (report.agingWip.count > 0) {
    const oldest = report.agingWip.oldest[0]!
    lines.push(
      '',
      `Aging WIP: ${report.agingWip.count} open stays; oldest ${oldest.itemId} in ${oldest.stage} for ${formatDuration(oldest.ageSeconds)}.`,
    )
  }
  if (report.warnings.length > 0)
    lines.push('', 'Warnings:', ...report.warnings.map((warning) => `  ! ${warning}`))
  return lines.join('\n')
}
