import type { TimelineWarning } from '../timeline/Timeline.js'
import type { EventLog } from './EventLog.js'
import { collisionWarning, type IdCollisions } from './IdCollision.js'

/**
 * What reading an input found, as every analysis of it reports it: the lines read, the events
 * kept, the repeats counted once (`duplicates`: the same fact again; `idCollisions`: an id
 * reused with other content) and the invalid lines skipped.
 *
 * @since 0.1.0
 * @category ingest
 */
export interface InputSummary {
  readonly lines: number
  readonly events: number
  readonly duplicates: number
  readonly idCollisions: IdCollisions
  readonly skippedLines: number
}

/**
 * The {@link InputSummary} of an event log read from `lines` lines, `skippedLines` of them
 * invalid and skipped.
 *
 * @since 0.1.0
 * @category ingest
 */
export const summarizeInput = (log: EventLog, lines: number, skippedLines: number): InputSummary => ({
  lines,
  events: log.accepted,
  duplicates: log.duplicates,
  idCollisions: log.collisions,
  skippedLines,
})

/**
 * The warnings every command that reads events gives about its input, in this order: the
 * invalid lines skipped, what the timelines did not add up to (exits without an enter, and the
 * like), the repeated ids counted once, the ids reused with other content.
 *
 * @since 0.1.0
 * @category ingest
 */
export const inputWarnings = (
  input: InputSummary,
  timelineWarnings: ReadonlyArray<TimelineWarning>,
): ReadonlyArray<string> => {
  const notes = timelineWarnings.map((warning) => warning.message)
  if (input.skippedLines > 0) notes.unshift(`${input.skippedLines} invalid lines were skipped.`)
  if (input.duplicates > 0) notes.push(`${input.duplicates} events repeated an id and were counted once.`)
  const collisions = collisionWarning(input.idCollisions)
  if (collisions !== undefined) notes.push(collisions)
  return notes
}
