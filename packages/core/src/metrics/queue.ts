import { DAY_MS, overlap, type Window } from './Window.js'
import type { Wait } from './waits.js'

/**
 * The queue in front of a stage over a window: items waiting on average and at the end, and how
 * fast the queue grows (the least-squares slope of its size over time, items per day).
 *
 * @since 0.1.0
 * @category metrics
 */
export interface QueueStats {
  readonly avg: number
  readonly now: number
  readonly growthPerDay: number
}

/**
 * Queue size over the window from the waits in front of one stage. The slope is exact: the
 * queue size is a step function, so the regression integrals are sums over the waits.
 *
 * @since 0.1.0
 * @category metrics
 */
export const queueStats = (waits: ReadonlyArray<Wait>, window: Window): QueueStats => {
  const span = window.to - window.from
  let area = 0
  let moment = 0
  let now = 0
  for (const wait of waits) {
    const end = wait.enter ?? Number.POSITIVE_INFINITY
    if (wait.readyAt <= window.to && end > window.to) now++
    const length = overlap(window, wait.readyAt, end === Number.POSITIVE_INFINITY ? undefined : end)
    if (length === 0) continue
    const a = Math.max(wait.readyAt, window.from) - window.from
    const b = a + length
    area += length
    moment += (b * b - a * a) / 2
  }
  if (span <= 0) return { avg: now, now, growthPerDay: 0 }
  return { avg: area / span, now, growthPerDay: queueSlopePerDay(area, moment, span) }
}

/**
 * The least-squares slope, in items per day, of a queue size over `[0, span)` ms from its
 * integral (`area`, item·ms) and first moment (`moment`, the integral of size × time).
 *
 * @since 0.1.0
 * @category metrics
 */
export const queueSlopePerDay = (area: number, moment: number, span: number): number => {
  if (span <= 0) return 0
  const covariance = moment / span - (span / 2) * (area / span)
  return (covariance / ((span * span) / 12)) * DAY_MS
}
