/**
 * The span of time an analysis covers, in epoch milliseconds, inclusive at both ends.
 *
 * @since 0.1.0
 * @category metrics
 */
export interface Window {
  readonly from: number
  readonly to: number
}

/**
 * Milliseconds in a day.
 *
 * @since 0.1.0
 * @category metrics
 */
export const DAY_MS = 86_400_000

/**
 * The length of `[start, end)` that lies inside the window (an open end runs to the window's end).
 *
 * @since 0.1.0
 * @category metrics
 */
export const overlap = (window: Window, start: number, end: number | undefined): number => {
  const a = Math.max(start, window.from)
  const b = Math.min(end ?? window.to, window.to)
  return b > a ? b - a : 0
}

/**
 * Whether an instant lies inside the window.
 *
 * @since 0.1.0
 * @category metrics
 */
export const within = (window: Window, at: number): boolean => at >= window.from && at <= window.to

/**
 * The window's length in days (never zero, so rates stay finite on a one-instant window).
 *
 * @since 0.1.0
 * @category metrics
 */
export const windowDays = (window: Window): number => Math.max(window.to - window.from, 1) / DAY_MS
