import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  CHECK_METRICS,
  checkThresholds,
  limitValue,
  multiSourceValueStream,
  parseThreshold,
  type ThresholdText,
} from '../src/index.js'
import { analyze } from './support/events.js'
import { ticketToProduction } from './support/sources.js'

const H = 3600
// PAY-142 across four sources: lead time 18 h (10 → 28 h), flow efficiency 14.5 / 18, one
// production deployment (lead time for changes 16 h), nothing in review at the end.
const report = analyze(ticketToProduction, undefined, multiSourceValueStream)
const max = (metric: string, limit: string): ThresholdText => ({ bound: 'max', metric, limit })
const min = (metric: string, limit: string): ThresholdText => ({ bound: 'min', metric, limit })

describe('limits', () => {
  it('are read in the unit of their metric: durations, rates per day, shares, counts', () => {
    expect(limitValue('duration', '5d')).toBe(5 * 86_400)
    expect(limitValue('duration', '12h')).toBe(12 * H)
    expect(limitValue('duration', '30m')).toBe(1800)
    expect(limitValue('duration', '1.5 min')).toBe(90)
    expect(limitValue('duration', '90')).toBe(90)
    expect(limitValue('duration', '2w')).toBe(14 * 86_400)
    expect(limitValue('rate', '0.5/d')).toBe(0.5)
    expect(limitValue('rate', '3.5/w')).toBe(0.5)
    expect(limitValue('rate', '2')).toBe(2)
    expect(limitValue('share', '20%')).toBe(0.2)
    expect(limitValue('share', '0.3')).toBe(0.3)
    expect(limitValue('count', '8')).toBe(8)
  })

  it('of the wrong form say what was expected', () => {
    expect(limitValue('duration', '5 days')).toEqual({
      problem: '"5 days" is not a duration such as 5d, 12h, 30m or 90s',
    })
    expect(limitValue('rate', '1/month')).toEqual({
      problem: '"1/month" is not a rate per day such as 0.5/d or 3/w',
    })
    expect(limitValue('share', '150%')).toEqual({ problem: '"150%" is more than 100%' })
    expect(limitValue('count', '-1')).toEqual({ problem: '"-1" is not a number such as 8' })
  })

  it('METRIC=LIMIT is the form of --max and --min', () => {
    expect(parseThreshold('max', 'lead-time.p85=5d')).toEqual(max('lead-time.p85', '5d'))
    expect(parseThreshold('min', ' flow-efficiency = 0.2 ')).toEqual(min('flow-efficiency', '0.2'))
    expect(parseThreshold('max', 'lead-time.p85')).toEqual({
      problem: '--max "lead-time.p85": write METRIC=LIMIT, e.g. lead-time.p85=5d',
    })
    expect(parseThreshold('max', '=5d')).toHaveProperty('problem')
  })
})

describe('checking thresholds against a report', () => {
  it('gives each measured value, whether it broke, and by how much', () => {
    const checked = checkThresholds(report, [
      max('lead-time.p85', '1d'),
      max('lead-time.p85', '12h'),
      min('flow-efficiency', '0.9'),
      max('wip.review', '0'),
      max('lead-time-for-changes.p50', '16h'),
      max('change-failure-rate', '5%'),
      max('time-in-stage.develop.p50', '8h'),
    ])
    expect('results' in checked).toBe(true)
    if (!('results' in checked)) return
    expect(
      checked.results.map(({ threshold, measured, breached, by }) => [
        threshold.metric,
        measured,
        breached,
        by,
      ]),
    ).toEqual([
      ['lead-time.p85', 18 * H, false, -6 * H],
      ['lead-time.p85', 18 * H, true, 6 * H],
      ['flow-efficiency', 14.5 / 18, true, 0.9 - 14.5 / 18],
      ['wip.review', 0, false, 0],
      ['lead-time-for-changes.p50', 16 * H, false, 0],
      ['change-failure-rate', 0, false, -0.05],
      // develop 10 → 20 h.
      ['time-in-stage.develop.p50', 10 * H, true, 2 * H],
    ])
    expect(checked.results[0]!.threshold).toEqual({
      ...max('lead-time.p85', '1d'),
      kind: 'duration',
      value: 86_400,
    })
  })

  it('a figure the report cannot measure breaks its threshold: the gate fails closed', () => {
    const nothingDone = analyze(
      ticketToProduction.filter((event) => event.stage === 'backlog'),
      undefined,
      multiSourceValueStream,
    )
    const checked = checkThresholds(nothingDone, [
      max('lead-time.p85', '5d'),
      max('deployment-frequency', '10/d'),
    ])
    expect(checked).toMatchObject({
      results: [
        { measured: null, breached: true, by: null },
        { measured: null, breached: true, by: null },
      ],
    })
  })

  it('every unknown metric, missing stage and malformed limit is named at once', () => {
    const checked = checkThresholds(report, [
      max('speed', '1'),
      max('wip.qa', '3'),
      { ...max('lead-time.p85', 'soon'), source: 'herbie.config.json check.max' },
    ])
    expect(checked).toEqual({
      problems: [
        `--max speed: no such metric (known: ${CHECK_METRICS.join(', ')})`,
        '--max wip.qa: the stream has no stage "qa" (its stages: backlog, refine, ready, develop, review-queue, review, ci, deploy-queue, deploy)',
        'herbie.config.json check.max lead-time.p85: "soon" is not a duration such as 5d, 12h, 30m or 90s',
      ],
    })
  })

  it('a max holds exactly when the figure is at most the limit, a min when at least', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 * H }), (seconds) => {
        const checked = checkThresholds(report, [
          max('lead-time.p50', `${seconds}s`),
          min('lead-time.p50', `${seconds}s`),
        ])
        if (!('results' in checked)) throw new Error('no results')
        const [upper, lower] = checked.results
        expect(upper!.breached).toBe(18 * H > seconds)
        expect(lower!.breached).toBe(18 * H < seconds)
        expect(upper!.by).toBe(18 * H - seconds)
        expect(lower!.by).toBe(seconds - 18 * H)
      }),
    )
  })
})
