/**
 * When the constraint changed: the first day of the new period, and the earliest and latest days
 * the change may have happened (the interval of days the data cannot tell apart from it), ISO-8601.
 *
 * @since 0.1.0
 * @category constraint
 */
export interface ConstraintChange {
  readonly at: string
  readonly earliest: string
  readonly latest: string
}

/**
 * A period of the window with one constraint: its span (ISO-8601), the constraint named on that
 * span alone (`null` with `missing` when none can be named), its confidence and evidence, and
 * the change that opened it (`null` for the first period).
 *
 * @since 0.1.0
 * @category constraint
 */
export interface ConstraintPeriod {
  readonly from: string
  readonly to: string
  readonly stage: string | null
  readonly confidence: number
  readonly missing: string | null
  readonly evidence: ReadonlyArray<string>
  readonly change: ConstraintChange | null
}
