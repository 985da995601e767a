/**
 * The share of finished work that fixes earlier work, over the window and per week (weeks
 * start at the window's start), with the least-squares trend of the weekly share (per week) and
 * the defects whose links name the items that caused them.
 *
 * @since 0.1.0
 * @category upstream
 */
export interface FailureDemand {
  readonly completed: number
  readonly defects: number
  /** Defects over completed items; `null` when nothing was done. */
  readonly share: number | null
  readonly weekly: ReadonlyArray<{
    readonly week: string
    readonly completed: number
    readonly defects: number
    readonly share: number | null
  }>
  /** Change of the weekly share per week; `null` with fewer than two weeks that finished work. */
  readonly trendPerWeek: number | null
  readonly causes: ReadonlyArray<{ readonly itemId: string; readonly causedBy: ReadonlyArray<string> }>
}

/**
 * Items sent back, over the items completed in the window: per stage the stays that were a
 * return (a second visit, or marked `rework`: a pipeline re-run, a move backwards) and the
 * rounds of changes requested inside a stay; `reopened` counts items that went on after their
 * done.
 *
 * @since 0.1.0
 * @category upstream
 */
export interface Rework {
  readonly rounds: number
  /** Rounds per completed item; `null` when nothing was done. */
  readonly perCompletedItem: number | null
  readonly reopened: number
  readonly byStage: ReadonlyArray<{
    readonly stage: string
    readonly returns: number
    readonly changesRequested: number
    readonly rounds: number
  }>
}

/**
 * Items started and dropped in the window, and the time spent on them first (from their
 * commitment, or first enter, to the drop; seconds).
 *
 * @since 0.1.0
 * @category upstream
 */
export interface Abandonment {
  readonly items: number
  /** Abandoned over abandoned plus completed; `null` when neither. */
  readonly share: number | null
  readonly spentSeconds: number
  readonly meanSpentSeconds: number | null
}

/**
 * Time completed items spent in the clarity stages (seconds), and its share of their time from
 * first enter to done.
 *
 * @since 0.1.0
 * @category upstream
 */
export interface TimeToClarity {
  readonly stages: ReadonlyArray<string>
  readonly totalSeconds: number
  readonly meanPerCompletedItemSeconds: number | null
  readonly share: number | null
}

/**
 * A signal at or above its threshold, in words.
 *
 * @since 0.1.0
 * @category upstream
 */
export interface UpstreamProblem {
  readonly signal: 'failure-demand' | 'rework' | 'abandonment' | 'time-to-clarity'
  readonly value: number
  readonly threshold: number
  readonly sentence: string
}

/**
 * Whether the constraint sits before the code (not knowing what to build): `upstream` in
 * `--json`.
 *
 * @since 0.1.0
 * @category upstream
 */
export interface UpstreamReport {
  readonly failureDemand: FailureDemand
  readonly rework: Rework
  readonly abandonment: Abandonment
  readonly timeToClarity: TimeToClarity
  /** The signals that name an upstream problem; empty when none does. */
  readonly problems: ReadonlyArray<UpstreamProblem>
}
