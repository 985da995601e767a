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

/** Whether two events with one id say the same thing: stage, type, time, outcome, production. */
const sameFact = (a: ItemEvent, b: ItemEvent): boolean =>
  a.stage === b.stage &&
  a.exit === b.exit &&
  a.at === b.at &&
  a.outcome === b.outcome &&
  a.production === b.production

/** A growing column of 32-bit integers, off the garbage-collected heap. */
const intColumn = () => {
  let values = new Int32Array(1 << 12)
  let length = 0
  return {
    push: (value: number) => {
      if (length === values.length) {
        const grown = new Int32Array(values.length * 2)
        grown.set(values)
        values = grown
      }
      values[length++] = value
    },
    at: (position: number) => values[position]!,
  }
}

/**
 * Starts an empty event log for a value stream. Every id goes into one table, so a repeat is
 * found in constant time whichever item it names.
 *
 * @since 0.1.0
 * @category ingest
 */
export const makeEventLog = (index: StreamIndex): EventLogBuilder => {
  // Items by number, in the order they first appear. Each event kept is found by its position in
  // the id table: its item's number, its place in that item's list, its line (0: not from a file).
  const itemNumbers = new Map<string, number>()
  const itemIds: string[] = []
  const lists: ItemEvent[][] = []
  const keptItem = intColumn()
  const keptPlace = intColumn()
  const keptLine = intColumn()
  let accepted = 0
  const keptAt = (position: number) => lists[keptItem.at(position)]![keptPlace.at(position)]!
  const ids = makeIdTable((position) => keptAt(position).id)
  const unknown = new Set<string>()
  const samples: IdCollision[] = []
  let collisions = 0
  let duplicates = 0
  let firstAt = Number.POSITIVE_INFINITY
  let lastAt = Number.NEGATIVE_INFINITY
  const colliding = (event: ItemEvent, itemId: string, line: number): CollidingEvent => ({
    line: line === 0 ? undefined : line,
    itemId,
    stage: index.stages[event.stage]!.name,
    type: event.exit ? 'exit' : 'enter',
  })
  return {
    add: (event, at, line = 0) => {
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
      const item: ItemEvent = {
        id,
        stage,
        exit: event.type === 'exit',
        at,
        outcome: event.outcome as Outcome | undefined,
        production: isProductionEvent(event),
      }
      const seen = ids.findOrAdd(id)
      if (seen !== -1) {
        // The same source fact always carries the same id and the same content: count it once.
        const keptId = itemIds[keptItem.at(seen)]!
        const first = keptAt(seen)
        if (keptId === itemId && sameFact(first, item)) duplicates++
        else {
          collisions++
          if (samples.length < SAMPLE_COLLISIONS) {
            samples.push({
              id,
              kept: colliding(first, keptId, keptLine.at(seen)),
              dropped: colliding(item, itemId, line),
            })
          }
        }
        return undefined
      }
      let number = itemNumbers.get(itemId)
      if (number === undefined) {
        number = itemIds.length
        itemNumbers.set(itemId, number)
        itemIds.push(itemId)
        lists.push([])
      }
      const list = lists[number]!
      keptItem.push(number)
      keptPlace.push(list.length)
      keptLine.push(line)
      list.push(item)
      accepted++
      if (at < firstAt) firstAt = at
      if (at > lastAt) lastAt = at
      return undefined
    },
    unknownStages: () => [...unknown].sort(),
    build: () => ({
      items: new Map(itemIds.map((itemId, number) => [itemId, lists[number]!])),
      accepted,
      duplicates,
      collisions: { count: collisions, samples },
      firstAt,
      lastAt,
    }),
  }
}
