import type { StageEventEncoded } from '../../event/StageEvent.js'
import type { EventContext } from './EventContext.js'
import type { EventBuilder } from './eventBuilder.js'

/**
 * The milestones of a change's review (a pull request, a merge request), as ISO instants: the
 * first commit, ready for review, the first review activity, the approval still standing, the
 * end (merge or close), whether it was closed unmerged, and how many times changes were asked.
 *
 * @since 0.1.0
 * @category adapter mapping
 */
export interface ReviewMilestones {
  readonly start: string
  readonly ready?: string | undefined
  readonly firstReview?: string | undefined
  readonly approval?: string | undefined
  readonly end?: string | undefined
  readonly closedUnmerged: boolean
  readonly changesRequested: number
}

/**
 * The stage names of a change's review stays.
 *
 * @since 0.1.0
 * @category adapter mapping
 */
export interface ReviewStages {
  readonly coding: string
  readonly awaitingReview: string
  readonly inReview: string
}

/**
 * A change's review as stays (keys `coding`, `awaiting-review`, `in-review`): coding from the
 * start to ready, waiting for review from ready to the first review, in review from the first
 * review to the approval (or the end, with `changesRequested`). A stay still open when the change
 * ends runs to the end; when it was closed unmerged that exit is marked `abandoned` (and
 * `closedUnmerged`).
 *
 * @since 0.1.0
 * @category adapter mapping
 */
export const reviewStays = (
  events: EventBuilder,
  context: EventContext,
  stages: ReviewStages,
  milestones: ReviewMilestones,
): StageEventEncoded[] => {
  const { start, ready, firstReview, approval, end, changesRequested } = milestones
  const closed = milestones.closedUnmerged
    ? { exitAttributes: { closedUnmerged: true, abandoned: true } }
    : {}
  const stays = events.stayEvents(
    context,
    'coding',
    stages.coding,
    start,
    ready ?? end,
    ready === undefined ? closed : {},
  )
  if (ready !== undefined) {
    stays.push(
      ...events.stayEvents(
        context,
        'awaiting-review',
        stages.awaitingReview,
        ready,
        firstReview ?? end,
        firstReview === undefined ? closed : {},
      ),
    )
  }
  if (firstReview !== undefined) {
    stays.push(
      ...events.stayEvents(context, 'in-review', stages.inReview, firstReview, approval ?? end, {
        attributes: { changesRequested },
        ...(approval === undefined ? closed : {}),
      }),
    )
  }
  return stays
}
