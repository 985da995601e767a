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
  /** The stay was marked as sent back (`rework: true` on its enter or exit). */
  readonly reworked?: boolean
  /** Rounds of changes requested during the stay (its exit's `changesRequested`). */
  readonly changesRequested?: number
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
  /**
   * Where lead time starts when not at the first enter: for a work item joined across sources,
   * its commitment point (the idea became committed work), so a ticket's months in the backlog
   * are upstream time, not lead time.
   */
  readonly leadStart?: number
  /**
   * Where the change began, for a work item joined to a tracker: the first work stay of its code
   * members (the first commit), not the ticket's In Progress. DORA's lead time for changes
   * starts here.
   */
  readonly changeStart?: number
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

/**
 * Where an item's lead time starts: its `leadStart` when set (a joined item's commitment
 * point), else its first enter.
 *
 * @since 0.1.0
 * @category timelines
 */
export const leadStartOf = (timeline: Timeline): number => timeline.leadStart ?? timeline.firstEnter
