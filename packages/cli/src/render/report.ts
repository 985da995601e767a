import {
  type FlowReport,
  formatDuration,
  formatPercent,
  type ItemExplanation,
  type Summary,
} from '@herbie/core'
import { escapeControl } from '../output/escape.js'
import { formatInstant } from './instant.js'
import { renderTable } from './table.js'

const num = (value: number, digits = 1): string => value.toFixed(digits)

/** A summary's median, or a dash when it summarises nothing. */
const median = (summary: Summary): string => (summary.count === 0 ? '—' : formatDuration(summary.p50))

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
      'rework',
    ],
    ...report.stages
      .filter((stage) => stage.arrivals + stage.departures + stage.wipNow > 0)
      .map((stage) => [
        stage.name,
        stage.activity,
        stage.activity === 'work' ? median(stage.waitBefore) : '',
        median(stage.timeInStage),
        num(stage.avgWip),
        String(stage.wipNow),
        num(stage.throughputPerDay),
        stage.activity === 'work'
          ? `${stage.queueGrowthPerDay >= 0 ? '+' : ''}${num(stage.queueGrowthPerDay, 2)}`
          : '',
        String(stage.rework),
      ]),
  ])

const doraLines = (report: FlowReport): string[] => {
  const dora = report.dora
  if (dora === undefined) return []
  return [
    '',
    'DORA (production deployments)',
    `  deployment frequency      ${num(dora.deploymentFrequencyPerDay, 2)}/day  (${dora.bands.deploymentFrequency})`,
    `  lead time for changes     ${dora.bands.leadTimeForChanges === null ? 'no deployed change is in the events' : `${formatDuration(dora.leadTimeForChanges.p50)} p50  (${dora.bands.leadTimeForChanges})`}`,
    `  change failure rate       ${formatPercent(dora.changeFailureRate)}  (${dora.bands.changeFailureRate})`,
    `  failed deployment recovery ${dora.failedDeploymentRecoveryTime.count === 0 ? 'no failures' : `${formatDuration(dora.failedDeploymentRecoveryTime.p50)} p50`}  (${dora.bands.failedDeploymentRecoveryTime})`,
    `  rework rate               ${formatPercent(dora.reworkRate)}`,
  ]
}

/**
 * The constraint in one plain sentence, or what is missing to name one.
 *
 * @since 0.1.0
 * @category rendering
 */
export const constraintSentence = (report: FlowReport): string => {
  const { constraint } = report
  return constraint.stage === null
    ? `No constraint named: ${escapeControl(constraint.missing ?? 'the evidence singles out no stage.')}`
    : `The constraint is ${escapeControl(constraint.stage)} (confidence ${formatPercent(constraint.confidence)}): it limits how much the whole stream delivers.`
}

const day = (iso: string): string => iso.slice(0, 10)

/**
 * The constraint timeline: one line when the constraint did not move, else where it moved, each
 * period's constraint and confidence, when each change happened (with its uncertainty) and each
 * period's evidence.
 *
 * @since 0.1.0
 * @category rendering
 */
export const constraintTimelineLines = (report: FlowReport): string[] => {
  const periods = report.constraintTimeline
  const named = (stage: string | null) => (stage === null ? 'no stage named' : escapeControl(stage))
  if (periods.length <= 1) {
    const only = periods[0]
    // Without a named constraint, the constraint sentence has said why already.
    return only === undefined || only.stage === null
      ? []
      : [`The constraint did not move over the window: ${escapeControl(only.stage)} throughout.`]
  }
  const moves = periods.map((period, i) =>
    i === periods.length - 1
      ? `${named(period.stage)} since ${day(period.from)}`
      : `${named(period.stage)} until ${day(period.to)}`,
  )
  return [
    `The constraint moved: ${moves.join(', ')}.`,
    ...periods.flatMap((period) => [
      `  ${day(period.from)} → ${day(period.to)}  ${named(period.stage)}${period.stage === null ? `: ${escapeControl(period.missing ?? '')}` : ` (confidence ${formatPercent(period.confidence)})`}${
        period.change === null || period.change.earliest === period.change.latest
          ? ''
          : `, changed between ${day(period.change.earliest)} and ${day(period.change.latest)}`
      }`,
      ...period.evidence.map((sentence) => `    - ${escapeControl(sentence)}`),
    ]),
  ]
}

/** The item counts, lead and cycle time and flow efficiency, or a sentence when nothing was done. */
const flowLines = (report: FlowReport): string[] => {
  const { items, leadTime, cycleTime, throughputPerDay, flowEfficiency } = report
  const counts = `Items: ${items.total} (${items.completed} done, ${items.inProgress} in progress${items.abandoned > 0 ? `, ${items.abandoned} abandoned` : ''})`
  if (leadTime === null || throughputPerDay === null) {
    return [
      counts,
      'No item was done in this window, so lead time, cycle time, throughput and flow efficiency are not known.',
    ]
  }
  const cycle =
    cycleTime === null
      ? 'cycle time not known (no done item crossed the commitment point)'
      : `cycle time p50 ${formatDuration(cycleTime.p50)}, p85 ${formatDuration(cycleTime.p85)}`
  return [
    `${counts}   throughput ${num(throughputPerDay)}/day`,
    `Lead time p50 ${formatDuration(leadTime.p50)}, p85 ${formatDuration(leadTime.p85)}, p95 ${formatDuration(leadTime.p95)}   ${cycle}`,
    ...(flowEfficiency === null
      ? []
      : [`Flow efficiency ${formatPercent(flowEfficiency)}: the rest of lead time is waiting.`]),
  ]
}

/** What correlation joined and left unlinked; nothing when it joined nothing and left nothing. */
const correlationLines = (report: FlowReport): string[] => {
  const { correlation } = report
  if (correlation.joined === 0 && correlation.unlinked.length === 0) return []
  return [
    '',
    `Correlation: ${correlation.items} work items, ${correlation.joined} joined across sources (rules: ${correlation.rules.join(', ')})`,
    ...correlation.unlinked.map(
      (entry) =>
        `  - ${entry.events} ${escapeControl(entry.source)} events unlinked: ${escapeControl(entry.reason)}`,
    ),
    ...(correlation.bareDeployments === 0
      ? []
      : [
          `  ${correlation.bareDeployments} deployments of commits in no pull request count for DORA only, not as work items`,
        ]),
  ]
}

/** The upstream signals in one line each, then the problems they name. */
const upstreamLines = (report: FlowReport): string[] => {
  const { failureDemand, rework, abandonment, timeToClarity, problems } = report.upstream
  if (failureDemand.completed === 0 && abandonment.items === 0) return []
  const share = (value: number | null) => (value === null ? '—' : formatPercent(value))
  return [
    '',
    'Upstream (before the code)',
    `  failure demand            ${share(failureDemand.share)} of finished items are defects (${failureDemand.defects} of ${failureDemand.completed})`,
    `  rework                    ${rework.perCompletedItem === null ? '—' : num(rework.perCompletedItem, 2)} rounds per finished item${rework.reopened > 0 ? `, ${rework.reopened} reopened` : ''}`,
    `  abandonment               ${abandonment.items} dropped${abandonment.meanSpentSeconds === null ? '' : ` after a mean ${formatDuration(abandonment.meanSpentSeconds)}`}`,
    `  time to clarity           ${share(timeToClarity.share)} of finished items' time${timeToClarity.stages.length > 0 ? ` (${timeToClarity.stages.map(escapeControl).join(', ')})` : ' (no clarity stage in the stream)'}`,
    ...problems.map((problem) => `  ! ${escapeControl(problem.sentence)}`),
  ]
}

/**
 * The drill-down of one work item: its members with the rule that joined each, then its stays.
 *
 * @since 0.1.0
 * @category rendering
 */
export const renderItem = (item: ItemExplanation): string =>
  [
    `Item ${escapeControl(item.itemId)}: lead time from ${formatInstant(item.leadStart)} to ${item.doneAt === null ? 'not done' : formatInstant(item.doneAt)}`,
    '',
    renderTable([
      ['member', 'sources', 'events', 'joined by'],
      ...item.members.map((member) => [
        escapeControl(member.itemId),
        member.sources.map(escapeControl).join(', '),
        String(member.events),
        member.rule === 'id' ? 'its id' : `${member.rule} ${escapeControl(member.via)}`,
      ]),
    ]),
    '',
    renderTable([
      ['stage', 'enter', 'exit'],
      ...item.timeline.map((stay) => [
        escapeControl(stay.stage),
        formatInstant(stay.enter),
        stay.exit === null ? 'open' : formatInstant(stay.exit),
      ]),
    ]),
  ].join('\n')

/**
 * The terminal report of one analysis: the flow at a glance, the stage table (wait versus work,
 * WIP, throughput), the constraint with its evidence, what not to optimise, DORA, warnings.
 *
 * @since 0.1.0
 * @category rendering
 */
export const renderReport = (report: FlowReport): string => {
  const lines = [
    `Window ${formatInstant(report.window.from)} → ${formatInstant(report.window.to)} (${num(report.window.days)} days)`,
    escapeControl(report.done.sentence),
    ...flowLines(report),
    '',
    stageTable(report),
    'Durations in the table are medians (p50); the evidence below uses means, which capacity is computed from.',
    '',
    constraintSentence(report),
    ...report.constraint.evidence.map((sentence) => `  - ${escapeControl(sentence)}`),
    ...constraintTimelineLines(report),
  ]
  if (report.constraint.notToOptimise.length > 0) {
    lines.push(
      '',
      'Not worth optimising now:',
      ...report.constraint.notToOptimise.map((entry) => `  - ${escapeControl(entry.reason)}`),
    )
  }
  lines.push(...upstreamLines(report))
  lines.push(...doraLines(report))
  lines.push(...correlationLines(report))
  if (report.agingWip.count > 0) {
    const oldest = report.agingWip.oldest[0]!
    lines.push(
      '',
      `Aging WIP: ${report.agingWip.count} open stays; oldest ${escapeControl(oldest.itemId)} in ${escapeControl(oldest.stage)} for ${formatDuration(oldest.ageSeconds)}.`,
    )
  }
  if (report.warnings.length > 0)
    lines.push('', 'Warnings:', ...report.warnings.map((warning) => `  ! ${escapeControl(warning)}`))
  return lines.join('\n')
}
