/**
 * An estimate from independent replications: their mean and a 90% confidence interval.
 *
 * @since 0.1.0
 * @category what-if
 */
export interface Estimate {
  readonly mean: number
  readonly lo: number
  readonly hi: number
}

// Student's t at 95% (two-sided 90%) for 1 to 30 degrees of freedom.
const T95 = [
  6.314, 2.92, 2.353, 2.132, 2.015, 1.943, 1.895, 1.86, 1.833, 1.812, 1.796, 1.782, 1.771, 1.761, 1.753,
  1.746, 1.74, 1.734, 1.729, 1.725, 1.721, 1.717, 1.714, 1.711, 1.708, 1.706, 1.703, 1.701, 1.699, 1.697,
]

/**
 * The mean of replication values with a 90% t-interval (a single value has a zero-width one).
 *
 * @since 0.1.0
 * @category what-if
 */
const t95 = (n: number) => T95[n - 2] ?? 1.645

export const estimateOf = (values: ReadonlyArray<number>): Estimate => {
  const n = values.length
  if (n === 0) return { mean: 0, lo: 0, hi: 0 }
  const mean = values.reduce((sum, value) => sum + value, 0) / n
  if (n === 1) return { mean, lo: mean, hi: mean }
  const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (n - 1)
  const half = t95(n) * Math.sqrt(variance / n)
  return { mean, lo: mean - half, hi: mean + half }
}

/**
 * The standard deviation of one replication behind an estimate from `n` replications (recovered
 * from its interval): how far a single run, such as the observed data, may fall from the mean.
 *
 * @since 0.1.0
 * @category what-if
 */
export const spreadOf = (estimate: Estimate, n: number): number =>
  n < 2 ? 0 : (((estimate.hi - estimate.lo) / 2) * Math.sqrt(n)) / t95(n)
