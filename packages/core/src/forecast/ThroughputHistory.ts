import { DAY_MS, type Window } from '../metrics/Window.js'

/**
 * Items done per UTC day over a history window, the days with none included.
 *
 * @since 0.1.0
 * @category forecast
 */
export interface ThroughputHistory {
  /** First and last day of the history (`YYYY-MM-DD`, UTC). */
  readonly from: string
  readonly to: string
  readonly counts: ReadonlyArray<number>
  readonly completed: number
}

const day = (ms: number) => Math.floor(ms / DAY_MS)
const isoDay = (dayNumber: number) => new Date(dayNumber * DAY_MS).toISOString().slice(0, 10)

/**
 * Counts the items done on each UTC day of the window, from the day holding `window.from` to the
 * day holding `window.to`; completions outside it are left out.
 *
 * @since 0.1.0
 * @category forecast
 */
export const dailyThroughput = (doneTimes: ReadonlyArray<number>, window: Window): ThroughputHistory => {
  const first = day(window.from)
  const last = day(window.to)
  const counts = new Array<number>(Math.max(last - first + 1, 0)).fill(0)
  let completed = 0
  for (const at of doneTimes) {
    if (at < window.from || at > window.to) continue
    counts[day(at) - first]!++
    completed++
  }
  return { from: isoDay(first), to: isoDay(last), counts, completed }
}
