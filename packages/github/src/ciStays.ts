import {
  type CiStayNaming,
  type CiStays,
  type EventContext,
  type OpenStay,
  type RunAttempt,
  runKey as stayKey,
  ciStays as unionOfAttempts,
} from '@herbie/core'
import { githubEvents } from './event.js'

/**
 * The key of a GitHub CI stay in event ids: its first run attempt's, `run:ID:ATTEMPT`.
 *
 * @since 0.1.0
 * @category mapping
 */
export const runKey = (runId: number, attempt: number): string => stayKey('run', String(runId), attempt)

/**
 * How GitHub names its CI stays: `run:ID:ATTEMPT`, with GitHub's events.
 *
 * @since 0.1.0
 * @category mapping
 */
export const RUN_STAYS: CiStayNaming = { events: githubEvents, runKind: 'run' }

/**
 * An item's CI stays from its workflow run attempts, keyed `run:ID:ATTEMPT`: core's union of
 * overlapping attempts (see `ciStays` in `@herbie/core`) with GitHub's events.
 *
 * @since 0.1.0
 * @category mapping
 */
export const ciStays = (
  context: EventContext,
  stage: string,
  attempts: ReadonlyArray<RunAttempt>,
  carried?: OpenStay,
): CiStays => unionOfAttempts(RUN_STAYS, context, stage, attempts, carried)
