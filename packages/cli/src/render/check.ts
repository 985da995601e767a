import { formatDuration, type ThresholdResult } from '@herbie/core'
import { escapeControl } from '../output/escape.js'
import { renderTable } from './table.js'

/** A value of a threshold's metric in its unit: a duration, a rate per day, a share, a count. */
const inUnit = (result: ThresholdResult, value: number): string => {
  switch (result.threshold.kind) {
    case 'duration':
      return formatDuration(value)
    case 'rate':
      return `${round(value)}/day`
    case 'share':
      return `${round(value * 100)}%`
    case 'count':
      return round(value)
  }
}

const round = (value: number) => String(Math.round(value * 100) / 100)

const boundOf = (result: ThresholdResult) =>
  `${result.threshold.metric} ${result.threshold.bound === 'max' ? '<=' : '>='} ${inUnit(result, result.threshold.value)}`

const measuredOf = (result: ThresholdResult) =>
  result.measured === null ? 'not measured' : inUnit(result, result.measured)

/** By how much a broken threshold broke: `4 over`, `8% under`; nothing for one that holds. */
const breachOf = (result: ThresholdResult) => {
  if (!result.breached) return ''
  if (result.by === null) return 'the report has no value for it'
  return `${inUnit(result, result.by)} ${result.threshold.bound === 'max' ? 'over' : 'under'}`
}

/** `ok`, or `BROKEN` and by how much. */
const verdictOf = (result: ThresholdResult) => (result.breached ? `BROKEN: ${breachOf(result)}` : 'ok')

/**
 * The one-line verdict: `all 3 thresholds hold`, `2 of 5 thresholds broken`.
 *
 * @since 0.1.0
 * @category rendering
 */
export const checkVerdict = (results: ReadonlyArray<ThresholdResult>): string => {
  const broken = results.filter((result) => result.breached).length
  return broken === 0
    ? `all ${results.length} thresholds hold`
    : `${broken} of ${results.length} thresholds broken`
}

/**
 * `herbie check` in the terminal: the verdict, then each threshold, the value measured and by
 * how much it broke.
 *
 * @since 0.1.0
 * @category rendering
 */
export const renderCheck = (results: ReadonlyArray<ThresholdResult>): string =>
  [
    `herbie check: ${checkVerdict(results)}`,
    '',
    renderTable([
      ['threshold', 'measured', 'verdict'],
      ...results.map((result) => [boundOf(result), measuredOf(result), verdictOf(result)]),
    ]),
  ].join('\n')

const cell = (text: string) => escapeControl(text).replaceAll('|', '\\|')

/**
 * `herbie check --format md`: the verdict as a heading and a table, for a CI job summary or a
 * merge request note.
 *
 * @since 0.1.0
 * @category rendering
 */
export const renderCheckMarkdown = (results: ReadonlyArray<ThresholdResult>): string =>
  [
    `### herbie check: ${checkVerdict(results)}`,
    '',
    '| | threshold | measured | broken by |',
    '| --- | --- | --- | --- |',
    ...results.map(
      (result) =>
        `| ${result.breached ? '❌' : '✅'} | \`${cell(boundOf(result))}\` | ${cell(measuredOf(result))} | ${cell(breachOf(result))} |`,
    ),
  ].join('\n')
