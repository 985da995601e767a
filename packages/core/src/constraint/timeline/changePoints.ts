/**
 * A change found in a set of daily series: the first day of the new regime (`at`) and the
 * earliest and latest first days the data cannot tell apart from it (a 95% profile interval).
 *
 * @since 0.1.0
 * @category constraint
 */
export interface ChangePoint {
  readonly at: number
  readonly earliest: number
  readonly latest: number
}

/**
 * How change points are searched: the fewest days a regime lasts, and the cost reduction (in
 * units of each series' daily noise variance) a split must buy to be kept.
 *
 * @since 0.1.0
 * @category constraint
 */
export interface ChangePointOptions {
  readonly minDays: number
  readonly penalty: number
}

/** The χ² quantile (one degree of freedom, 95%) that bounds a change's profile interval. */
const INTERVAL_CHI2 = 3.84

/**
 * A series' daily noise, hardly moved by level shifts: the root of half the mean squared first
 * difference (von Neumann's estimator; a shift adds one large difference among many). Zero for a
 * flat series.
 */
const noiseOf = (series: Float64Array): number => {
  let squares = 0
  for (let day = 1; day < series.length; day++) squares += (series[day]! - series[day - 1]!) ** 2
  return series.length < 2 ? 0 : Math.sqrt(squares / (series.length - 1) / 2)
}

/**
 * Finds the days where the mean of several daily series shifts together, by binary
 * segmentation with a Gaussian cost: each series is scaled by its own noise, the split of a
 * segment that lowers the summed squared deviation most is kept when it lowers it by more than
 * `penalty`, and both halves are searched again. Series without noise (flat) are left out.
 * Deterministic: ties go to the earlier day. Returns the changes in time order.
 *
 * @since 0.1.0
 * @category constraint
 */
export const changePoints = (
  series: ReadonlyArray<Float64Array>,
  options: ChangePointOptions,
): ReadonlyArray<ChangePoint> => {
  const length = series[0]?.length ?? 0
  // Prefix sums of each scaled series and of its square: any segment's cost in O(series).
  const prefixes: Array<{ readonly s1: Float64Array; readonly s2: Float64Array }> = []
  for (const values of series) {
    const noise = noiseOf(values)
    if (!(noise > 0)) continue
    const s1 = new Float64Array(length + 1)
    const s2 = new Float64Array(length + 1)
    for (let day = 0; day < length; day++) {
      const x = values[day]! / noise
      s1[day + 1] = s1[day]! + x
      s2[day + 1] = s2[day]! + x * x
    }
    prefixes.push({ s1, s2 })
  }
  const cost = (first: number, end: number): number => {
    let total = 0
    for (const { s1, s2 } of prefixes) {
      const a = s1[end]! - s1[first]!
      total += s2[end]! - s2[first]! - (a * a) / (end - first)
    }
    return total
  }
  const found: ChangePoint[] = []
  const search = (first: number, end: number): void => {
    if (end - first < 2 * options.minDays || prefixes.length === 0) return
    const whole = cost(first, end)
    const gains: number[] = []
    let best = -1
    let bestGain = Number.NEGATIVE_INFINITY
    for (let at = first + options.minDays; at <= end - options.minDays; at++) {
      const gain = whole - cost(first, at) - cost(at, end)
      gains.push(gain)
      if (gain > bestGain) {
        bestGain = gain
        best = at
      }
    }
    if (bestGain <= options.penalty) return
    let earliest = best
    let latest = best
    const offset = first + options.minDays
    while (earliest > offset && gains[earliest - 1 - offset]! >= bestGain - INTERVAL_CHI2) earliest--
    while (latest < end - options.minDays && gains[latest + 1 - offset]! >= bestGain - INTERVAL_CHI2) latest++
    found.push({ at: best, earliest, latest })
    search(first, best)
    search(best, end)
  }
  search(0, length)
  return found.sort((a, b) => a.at - b.at)
}
