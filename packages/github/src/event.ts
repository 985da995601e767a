import { type EventBuilder, makeEventBuilder } from '@herbie/core'

/**
 * The event builders of GitHub events (`source: "github"`), with deterministic ids.
 *
 * @since 0.1.0
 * @category mapping
 */
export const githubEvents: EventBuilder = makeEventBuilder('github')

/**
 * Builds one GitHub stage event with a deterministic id: the same fact always yields the same id.
 *
 * @since 0.1.0
 * @category mapping
 */
export const stageEvent: EventBuilder['stageEvent'] = githubEvents.stageEvent

/**
 * A GitHub stay as an enter and, when it ended, an exit (see `EventBuilder.stayEvents`).
 *
 * @since 0.1.0
 * @category mapping
 */
export const stayEvents: EventBuilder['stayEvents'] = githubEvents.stayEvents
