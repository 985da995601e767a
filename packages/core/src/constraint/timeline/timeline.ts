import { DAY_MS, type Window } from '../../metrics/Window.js'
import type { Wait } from '../../metrics/waits.js'
import type { StreamIndex } from '../../stream/StreamIndex.js'
import type { Timeline } from '../../timeline/Timeline.js'
import type { StageEvidence } from '../evidence.js'
import { type ConstraintReport, rankConstraint } from '../rank.js'
import type { ConstraintPeriod } from './ConstraintTimeline.js'
import { type ChangePoint, changePoints } from './changePoints.js'
import { type DailyTotals, dailyTotals, dayStart } from './dailyTotals.js'
import { daysWindow, periodEvidence } from './periodEvidence.js'

/**
 * The fewest days a period of the constraint timeline lasts.
 *
 * @since 0.1.0
 * @category constraint
 */
export const MIN_PERIOD_DAYS = 7

/**
 * The cost reduction, per daily series searched, a change must buy to be kept (see
 * `docs/decisions/0004-constraint-change-points.md` for how it was chosen).
 *
 * @since 0.1.0
 * @category constraint
 */
export const CHANGE_PENALTY_PER_SERIES = 8

/**
 * The daily series the change points are searched in, over the whole days of the window: for
 * each work stage its load (items that became ready for it that day times that day's mean
 * service time, over its concurrency) and the growth of its queue (the change of its size from
 * the day before).
 *
 * @since 0.1.0
 * @category constraint
 */
export const loadAndQueueSeries = (
  totals: DailyTotals,
  whole: ReadonlyArray<StageEvidence>,
): ReadonlyArray<Float64Array> => {
  const full = Math.floor((totals.window.to - totals.window.from) / DAY_MS)
  const series: Float64Array[] = []
  totals.stages.forEach((days, order) => {
    const { concurrency, meanServiceSeconds } = whole[order]!
    series.push(
      Float64Array.from({ length: full }, (_, day) => {
        const departures = days.departures[day]!
        const service = departures > 0 ? days.serviceSum[day]! / departures / 1000 : meanServiceSeconds
        return (days.ready[day]! * service) / (concurrency * 86_400)
      }),
      Float64Array.from(
        { length: full },
        (_, day) => days.queueEnd[day]! - (day > 0 ? days.queueEnd[day - 1]! : 0),
      ),
    )
  })
  return series
}

const periodOf = (
  totals: DailyTotals,
  report: ConstraintReport,
  first: number,
  end: number,
  change: ChangePoint | undefined,
): ConstraintPeriod => {
  const span = daysWindow(totals, first, end)
  const iso = (day: number) => new Date(dayStart(totals.window, day)).toISOString()
  return {
    from: new Date(span.from).toISOString(),
    to: new Date(span.to).toISOString(),
    stage: report.stage,
    confidence: report.confidence,
    missing: report.missing,
    evidence: report.evidence,
    change:
      change === undefined
        ? null
        : { at: iso(change.at), earliest: iso(change.earliest), latest: iso(change.latest) },
  }
}

/**
 * The constraint timeline: the window split where the load or the queues of the work stages
 * changed, the constraint ranked on each part from daily totals, and adjacent parts with the same
 * constraint merged. With no change, one period: the whole window's `constraint`.
 *
 * @since 0.1.0
 * @category constraint
 */
export const constraintTimeline = (
  timelines: ReadonlyArray<Timeline>,
  index: StreamIndex,
  waits: ReadonlyArray<ReadonlyArray<Wait>>,
  window: Window,
  whole: ReadonlyArray<StageEvidence>,
  constraint: ConstraintReport,
): ReadonlyArray<ConstraintPeriod> => {
  const totals = dailyTotals(
    timelines,
    waits,
    window,
    whole.map((evidence) => index.positionOf.get(evidence.stage)!),
  )
  const series = loadAndQueueSeries(totals, whole)
  const changes = changePoints(series, {
    minDays: MIN_PERIOD_DAYS,
    penalty: CHANGE_PENALTY_PER_SERIES * series.length,
  })
  const rankDays = (first: number, end: number) => {
    const { evidence, completed } = periodEvidence(totals, index, whole, first, end)
    return rankConstraint(evidence, completed)
  }
  // Rank each part, then merge neighbours that name the same stage and rank the merged span.
  const starts = [0, ...changes.map((change) => change.at)]
  const parts = starts.map((first, i) => ({
    first,
    end: starts[i + 1] ?? totals.days,
    change: i === 0 ? undefined : changes[i - 1],
    stage: rankDays(first, starts[i + 1] ?? totals.days).stage,
  }))
  const merged = parts.reduce<typeof parts>((kept, part) => {
    const last = kept[kept.length - 1]
    if (last !== undefined && last.stage === part.stage) kept[kept.length - 1] = { ...last, end: part.end }
    else kept.push(part)
    return kept
  }, [])
  if (merged.length === 1) return [periodOf(totals, constraint, 0, totals.days, undefined)]
  return merged.map((part) =>
    periodOf(totals, rankDays(part.first, part.end), part.first, part.end, part.change),
  )
}
