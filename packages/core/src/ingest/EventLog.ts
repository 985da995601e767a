import { isProductionEvent } from '../event/environment.js'
import type { FieldIssue } from '../event/issue.js'
import type { Outcome } from '../event/StageEvent.js'
import type { StreamIndex } from '../stream/StreamIndex.js'
import type { CollidingEvent, IdCollision, IdCollisions } from './IdCollision.js'
import { makeIdTable } from './IdTable.js'

/**
 * One event as the analysis keeps it: the stage as its position in the stream, the time in epoch
 * milliseconds, the outcome, and whether it concerns the production environment.
 *
 * @since 0.1.0
 * @category ingest
 */
export interface ItemEvent {
  readonly id: string
  readonly stage: number
  readonly exit: boolean
  readonly at: number
  readonly outcome: Outcome | undefined
  readonly production: boolean
}

/**
 * The events of a whole file or stream, deduplicated by id and grouped by work item. An id seen
 * before is counted once: as a `duplicate` when the content is the same (a re-read fact), as an
 * id collision when it is not (another item, stage, type, time or outcome); the first event
 * with an id is the one kept.
 *
 * @since 0.1.0
 * @category ingest
 */
export interface EventLog {
  readonly items: ReadonlyMap<string, ReadonlyArray<ItemEvent>>
  readonly accepted: number
  readonly duplicates: number
  readonly collisions: IdCollisions
  readonly firstAt: number
  readonly lastAt: number
}

/**
 * Accumulates events into an {@link EventLog}: `add` takes one event that passed the contract
 * check, with its time already parsed (and its line, when it came from NDJSON), and returns an
 * issue when its stage is not in the stream.
 *
 * @since 0.1.0
 * @category ingest
 */
export interface EventLogBuilder {
  readonly add: (
    event: Readonly<Record<string, unknown>>,
    at: number,
    line?: number,
  ) => FieldIssue | undefined
  readonly unknownStages: () => ReadonlyArray<string>
  readonly build: () => EventLog
}

/** How many id collisions are kept to be named; the rest are counted. */
const SAMPLE_COLLISIONS = 10

/** An event as kept, with what an id collision names: its item and line. */
interface KeptEvent extends ItemEvent {
  readonly itemId: string
  readonly line: number | undefined
}

/** Whether two events with one id say the same thing: item, stage, type, time, outcome, production. */
const sameFact = (a: KeptEvent, b: KeptEvent): boolean =>
  a.itemId === b.itemId &&
  a.stage === b.stage &&
  a.exit === b.exit &&
  a.at === b.at &&
  a.outcome === b.outcome &&
  a.production === b.production

/**
 * Starts an empty event log for a value stream. Every id goes into one table, so a repeat is
 * found in constant time whichever item it names.
 *
 * @since 0.1.0
 * @category ingest
 */
export const makeEventLog = (index: StreamIndex): EventLogBuilder => {
  const items = new Map<string, KeptEvent[]>()
  const byId = makeIdTable<KeptEvent>()
  const unknown = new Set<string>()
  const samples: IdCollision[] = []
  let collisions = 0
  let accepted = 0
  let duplicates = 0
  let firstAt = Number.POSITIVE_INFINITY
  let lastAt = Number.NEGATIVE_INFINITY
  const colliding = (event: KeptEvent): CollidingEvent => ({
    line: event.line,
    itemId: event.itemId,
    stage: index.stages[event.stage]!.name,
    type: event.exit ? 'exit' : 'enter',
  })
  return {
    add: (event, at, line) => {
      const stageName = event.stage as string
      const stage = index.positionOf.get(stageName)
      if (stage === undefined) {
        unknown.add(stageName)
        return {
          field: 'stage',
          reason: `unknown stage ${JSON.stringify(stageName)}: not in the value stream (${index.stages.map((s) => s.name).join(', ')})`,
        }
      }
      const id = event.id as string
      const itemId = event.itemId as string
      const exit = event.type === 'exit'
      const outcome = event.outcome as Outcome | undefined
      const kept: KeptEvent = {
        id,
        itemId,
        line,
        stage,
        exit,
        at,
        outcome,
        production: isProductionEvent(event),
      }
      const seen = byId.findOrAdd(kept)
      if (seen !== undefined) {
        // The same source fact always carries the same id and the same content: count it once.
        if (sameFact(seen, kept)) duplicates++
        else {
          collisions++
          if (samples.length < SAMPLE_COLLISIONS) {
            samples.push({
              id,
              kept: colliding(seen),
              dropped: { line, itemId, stage: stageName, type: exit ? 'exit' : 'enter' },
            })
          }
        }
        return undefined
      }
      accepted++
      if (at < firstAt) firstAt = at
      if (at > lastAt) lastAt = at
      const list = items.get(itemId)
      if (list === undefined) items.set(itemId, [kept])
      else list.push(kept)
      return undefined
    },
    unknownStages: () => [...unknown].sort(),
    build: () => ({
      items,
      accepted,
      duplicates,
      collisions: { count: collisions, samples },
      firstAt,
      lastAt,
    }),
  }
}
