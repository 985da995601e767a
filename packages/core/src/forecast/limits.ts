/**
 * The furthest a forecast looks ahead: ten years of days after the history. "When" trials that
 * get no further count as never; a "how many by" date beyond it is refused.
 *
 * @since 0.1.0
 * @category forecast
 */
export const MAX_FORECAST_DAYS = 3650

/**
 * The most Monte Carlo trials a forecast runs: ten times the default, which already puts the
 * 95% answer within a day or an item.
 *
 * @since 0.1.0
 * @category forecast
 */
export const MAX_TRIALS = 100_000
