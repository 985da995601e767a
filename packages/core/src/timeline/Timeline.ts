import type { Outcome } from '../event/StageEvent.js'

/**
 * One stay of an item in a stage: `[enter, exit)` in epoch milliseconds; `exit` is undefined while
 * the item is still there (aging WIP).
 *
 * @since 0.1.0
 * @category timelines
 */
export interface Interval {
  readonly stage: number
  readonly enter: number
  readonly exit: number | undefined
  readonly outcome: Outcome | undefined
  readonly production: boolean
}

/**
 * A work item's path through the stream: its stage intervals ordered by enter time, when it first
 * appeared, when it crossed the commitment point, and when it was done or abandoned.
 *
 * @since 0.1.0
 * @category timelines
 */
export interface Timeline {
  readonly itemId: string
  readonly intervals: ReadonlyArray<Interval>
  readonly firstEnter: number
  readonly committedAt: number | undefined
  readonly doneAt: number | undefined
  /** When an unfinished item was dropped (closed unmerged, not planned); it is then not WIP. */
  readonly abandonedAt: number | undefined
}

/**
 * Something in the events that does not add up, with the items it concerns (the first few ids and
 * the count).
 *
 * @since 0.1.0
 * @category timelines
 */
export interface TimelineWarning {
  readonly kind: 'exit-without-enter' | 'enter-without-exit' | 'enter-while-inside'
  readonly message: string
  readonly count: number
  readonly itemIds: ReadonlyArray<string>
}
