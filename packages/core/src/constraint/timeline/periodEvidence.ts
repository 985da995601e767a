import { queueSlopePerDay } from '../../metrics/queue.js'
import { type Window, windowDays } from '../../metrics/Window.js'
import type { StreamIndex } from '../../stream/StreamIndex.js'
import { evidenceOf, type StageEvidence } from '../evidence.js'
import { type DailyTotals, dayEnd, dayStart } from './dailyTotals.js'

/**
 * The span of days `[first, end)` of the window as a window of its own.
 *
 * @since 0.1.0
 * @category constraint
 */
export const daysWindow = (totals: DailyTotals, first: number, end: number): Window => ({
  from: dayStart(totals.window, first),
  to: dayEnd(totals.window, totals.days, end - 1),
})

const sum = (values: Float64Array, first: number, end: number): number => {
  let total = 0
  for (let day = first; day < end; day++) total += values[day]!
  return total
}

/**
 * The evidence of every work stage over the days `[first, end)`, from the daily totals alone.
 * Concurrency is the whole window's (`whole`): the stream's capacity, or the most seen at once.
 * Also returns the items done in those days, which the ranking needs.
 *
 * @since 0.1.0
 * @category constraint
 */
export const periodEvidence = (
  totals: DailyTotals,
  index: StreamIndex,
  whole: ReadonlyArray<StageEvidence>,
  first: number,
  end: number,
): { readonly evidence: ReadonlyArray<StageEvidence>; readonly completed: number } => {
  const window = daysWindow(totals, first, end)
  const span = Math.max(window.to - window.from, 1)
  const completed = sum(totals.completed, first, end)
  const newPerDay = sum(totals.newItems, first, end) / windowDays(window)
  const leadSum = sum(totals.leadSum, first, end)
  const evidence = totals.stages.map((days, order) => {
    const departures = sum(days.departures, first, end)
    const waits = sum(days.waitCount, first, end)
    const area = sum(days.queueArea, first, end)
    let moment = 0
    for (let day = first; day < end; day++) {
      moment += days.queueMoment[day]! + (dayStart(totals.window, day) - window.from) * days.queueArea[day]!
    }
    const declared = index.stages[days.stage]!.capacity
    return evidenceOf({
      stage: index.stages[days.stage]!.name,
      declared,
      peakWip: whole[order]!.concurrency,
      newPerDay,
      completed,
      visits: sum(days.visits, first, end),
      leadSum,
      waited: sum(days.waited, first, end),
      meanServiceSeconds: departures > 0 ? sum(days.serviceSum, first, end) / departures / 1000 : 0,
      meanWaitSeconds: waits > 0 ? sum(days.waitSum, first, end) / waits / 1000 : 0,
      avgQueue: area / span,
      queueNow: days.queueEnd[end - 1]!,
      queueGrowthPerDay: queueSlopePerDay(area, moment, span),
      departures,
      avgWip: sum(days.busy, first, end) / span,
    })
  })
  return { evidence, completed }
}
