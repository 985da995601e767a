/**
 * The p50, p85 and p95 and the mean of a set of durations, in seconds. All zero when there is
 * nothing to summarise (`count` tells).
 *
 * @since 0.1.0
 * @category metrics
 */
export interface Summary {
  readonly count: number
  readonly p50: number
  readonly p85: number
  readonly p95: number
  readonly mean: number
}

/**
 * The exact quantile `q` (0..1) of values sorted ascending, interpolating linearly between the two
 * nearest ranks (the definition of SQL's `quantile_cont` / `percentile_cont`).
 *
 * @since 0.1.0
 * @category metrics
 */
export const quantileSorted = (sorted: ArrayLike<number>, q: number): number => {
  const n = sorted.length
  if (n === 0) return 0
  const h = (n - 1) * Math.min(1, Math.max(0, q))
  const lo = Math.floor(h)
  const hi = Math.min(n - 1, lo + 1)
  const a = sorted[lo]!
  return a + (h - lo) * (sorted[hi]! - a)
}

/**
 * Summarises durations given in milliseconds into seconds.
 *
 * @since 0.1.0
 * @category metrics
 */
export const summarizeMillis = (millis: ReadonlyArray<number>): Summary => {
  const n = millis.length
  if (n === 0) return { count: 0, p50: 0, p85: 0, p95: 0, mean: 0 }
  const sorted = Float64Array.from(millis).sort()
  let sum = 0
  for (let i = 0; i < n; i++) sum += sorted[i]!
  return {
    count: n,
    p50: quantileSorted(sorted, 0.5) / 1000,
    p85: quantileSorted(sorted, 0.85) / 1000,
    p95: quantileSorted(sorted, 0.95) / 1000,
    mean: sum / n / 1000,
  }
}
