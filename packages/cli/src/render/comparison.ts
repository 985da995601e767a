import { type FlowReport, formatDuration, formatPercent } from '@herbie/core'
import { renderTable } from './table.js'

const change = (before: number | null, after: number | null): string => {
  if (before === null || after === null) return 'not known'
  if (before === 0) return after === 0 ? '0%' : 'new'
  const delta = (after - before) / before
  return `${delta >= 0 ? '+' : ''}${formatPercent(delta)}`
}

/** A figure, or a dash when it is not known (nothing was done). */
const shown = (value: number | null, show: (value: number) => string): string =>
  value === null ? '—' : show(value)

const stage = (report: FlowReport, name: string) => report.stages.find((entry) => entry.name === name)

/**
 * The before/after table of two windows of the same stream, around a change to one stage
 * (`changed`, e.g. develop) in front of the constraint, and the sentence that sums it up.
 *
 * @since 0.1.0
 * @category rendering
 */
export const renderComparison = (
  before: FlowReport,
  after: FlowReport,
  changed: string,
  constraint: string,
): string => {
  const rows: Array<[string, number | null, number | null, (value: number) => string]> = [
    [
      `${changed} output (items/day)`,
      stage(before, changed)?.throughputPerDay ?? 0,
      stage(after, changed)?.throughputPerDay ?? 0,
      (v) => v.toFixed(1),
    ],
    [
      `queue in front of ${constraint} (avg items)`,
      stage(before, constraint)?.avgQueue ?? 0,
      stage(after, constraint)?.avgQueue ?? 0,
      (v) => v.toFixed(1),
    ],
    ['delivered (items/day)', before.throughputPerDay, after.throughputPerDay, (v) => v.toFixed(1)],
    ['lead time p50', before.leadTime?.p50 ?? null, after.leadTime?.p50 ?? null, formatDuration],
    ['lead time p85', before.leadTime?.p85 ?? null, after.leadTime?.p85 ?? null, formatDuration],
    ['flow efficiency', before.flowEfficiency, after.flowEfficiency, formatPercent],
  ]
  const table = renderTable([
    ['', 'before', 'after', 'change'],
    ...rows.map(([label, a, b, show]) => [label, shown(a, show), shown(b, show), change(a, b)]),
  ])
  const output = rows[0]!
  const summary =
    `${changed} output changed ${change(output[1], output[2])}, but delivery changed ${change(before.throughputPerDay, after.throughputPerDay)} ` +
    `and lead time p50 went from ${shown(rows[3]![1], formatDuration)} to ${shown(rows[3]![2], formatDuration)}: ` +
    `the extra work waits in front of ${constraint}.`
  return `${table}\n\n${summary}`
}
