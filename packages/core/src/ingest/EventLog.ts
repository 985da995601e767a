import { type DoneRule, doneRuleOf, doneScopeOf, isAbandonedEvent } from '../event/doneRule.js'
import { environmentOf, isProductionEvent } from '../event/environment.js'
import type { FieldIssue } from '../event/issue.js'
import type { LinkKind, Outcome } from '../event/StageEvent.js'
import type { StreamIndex } from '../stream/StreamIndex.js'
import type { CollidingEvent, IdCollision, IdCollisions } from './IdCollision.js'
import { type HintValue, type ItemHints, KEPT_ATTRIBUTES, makeHintCollector } from './ItemHints.js'
import { findRepeats, hashId, randomBasis } from './repeatedIds.js'

/**
 * One event as the analysis keeps it: the stage as its position in the stream, the time in epoch
 * milliseconds, the outcome, whether it concerns the production environment, and on done
 * candidates their rule and scope, on exits whether they abandon the item. Read from NDJSON it
 * also names its source (a position in {@link EventLog} `sources`), its environment, and whether
 * it says the item was sent back (`rework: true`, `changesRequested` rounds).
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
  /** On a `done` enter marked as a candidate: its rule. */
  readonly doneRule?: DoneRule | undefined
  /** On a done candidate: the repository it is decided in (`''` for all). */
  readonly scope?: string | undefined
  /** On an exit: the item was dropped here (closed unmerged, not planned). */
  readonly abandoned?: boolean
  /** The position of its source in the log's `sources`. */
  readonly source?: number
  /** The deployment environment it concerns (attribute or link), if any. */
  readonly environment?: string | undefined
  /** It carries `attributes.rework: true` (a re-run, a move backwards, a reopen). */
  readonly reworked?: boolean
  /** Rounds of changes requested it reports (`attributes.changesRequested`), 0 when none. */
  readonly changesRequested?: number
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
  /** The sources named by the events, in the order first seen (an event's `source` is a position here). */
  readonly sources: ReadonlyArray<string>
  /** Per item that has any: its links and kept attributes (see {@link ItemHints}). */
  readonly hints: ReadonlyMap<string, ItemHints>
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

/** A growing column of unsigned 32-bit integers, off the garbage-collected heap. */
/** The number of `name` in `names` (its index), appending it the first time it is seen. */
const intern = (numbers: Map<string, number>, names: string[], name: string): number => {
  let number = numbers.get(name)
  if (number === undefined) {
    number = names.length
    numbers.set(name, number)
    names.push(name)
  }
  return number
}

const column = () => {
  let values = new Uint32Array(1 << 12)
  let length = 0
  return {
    push: (value: number) => {
      if (length === values.length) {
        const grown = new Uint32Array(values.length * 2)
        grown.set(values)
        values = grown
      }
      values[length++] = value
    },
    at: (position: number) => values[position]!,
    values: () => values,
  }
}

/**
 * Starts an empty event log for a value stream. Adding an event costs the same whatever came
 * before (a hash appended, the event put in its item's list); `build` then finds every id seen
 * before, whichever item it names, in one linear pass, and counts it once. `kept` names the
 * attributes whose first value per item the log keeps in its hints.
 *
 * @since 0.1.0
 * @category ingest
 */
export const makeEventLog = (
  index: StreamIndex,
  kept: ReadonlyArray<string> = KEPT_ATTRIBUTES,
): EventLogBuilder => {
  // Items by number, in the order they first appear. Every event added is found by its position
  // (0, 1, ...): its item's number, its place in that item's list, its line (0: not from a file)
  // and the hash of its id.
  const itemNumbers = new Map<string, number>()
  const itemIds: string[] = []
  const lists: ItemEvent[][] = []
  const itemOf = column()
  const placeOf = column()
  const lineOf = column()
  const hashes = column()
  const basis = randomBasis()
  const eventAt = (position: number) => lists[itemOf.at(position)]![placeOf.at(position)]!
  const unknown = new Set<string>()
  const hints = makeHintCollector(kept)
  const sourceNumbers = new Map<string, number>()
  const sources: string[] = []
  let added = 0
  let duplicates = 0
  let firstAt = Number.POSITIVE_INFINITY
  let lastAt = Number.NEGATIVE_INFINITY
  const colliding = (position: number): CollidingEvent => {
    const event = eventAt(position)
    const line = lineOf.at(position)
    return {
      line: line === 0 ? undefined : line,
      itemId: itemIds[itemOf.at(position)]!,
      stage: index.stages[event.stage]!.name,
      type: event.exit ? 'exit' : 'enter',
    }
  }
  const build = (): EventLog => {
    const repeats = findRepeats(hashes.values(), added, (position) => eventAt(position).id)
    const samples: IdCollision[] = []
    let collisions = 0
    // The places to drop from each item's list: every event whose id came before.
    const dropped = new Map<number, Set<number>>()
    for (const { position, first } of repeats) {
      const item = itemOf.at(position)
      if (item === itemOf.at(first) && sameFact(eventAt(first), eventAt(position))) duplicates++
      else {
        collisions++
        if (samples.length < SAMPLE_COLLISIONS) {
          samples.push({ id: eventAt(position).id, kept: colliding(first), dropped: colliding(position) })
        }
      }
      const places = dropped.get(item) ?? new Set<number>()
      places.add(placeOf.at(position))
      dropped.set(item, places)
    }
    for (const [item, places] of dropped) lists[item] = lists[item]!.filter((_, place) => !places.has(place))
    const items = new Map<string, ItemEvent[]>()
    for (const [number, itemId] of itemIds.entries()) {
      if (lists[number]!.length > 0) items.set(itemId, lists[number]!)
    }
    if (collisions > 0) {
      // A dropped event may have held the first or the last time.
      firstAt = Number.POSITIVE_INFINITY
      lastAt = Number.NEGATIVE_INFINITY
      for (const list of items.values()) {
        for (const event of list) {
          if (event.at < firstAt) firstAt = event.at
          if (event.at > lastAt) lastAt = event.at
        }
      }
    }
    return {
      items,
      accepted: added - repeats.length,
      duplicates,
      collisions: { count: collisions, samples },
      firstAt,
      lastAt,
      sources,
      hints: hints.build(itemIds, (item) => lists[item]!.length > 0),
    }
  }
  let built: EventLog | undefined
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
      const number = intern(itemNumbers, itemIds, itemId)
      if (number === lists.length) lists.push([])
      const list = lists[number]!
      itemOf.push(number)
      placeOf.push(list.length)
      lineOf.push(line)
      hashes.push(hashId(id, basis))
      const exit = event.type === 'exit'
      const doneRule = stage === index.done && !exit ? doneRuleOf(event) : undefined
      const source = intern(sourceNumbers, sources, event.source as string)
      const attributes = event.attributes as Readonly<Record<string, HintValue>> | undefined
      hints.add(number, event.links as ReadonlyArray<{ kind: LinkKind; id: string }> | undefined, attributes)
      const requested = attributes?.changesRequested
      list.push({
        id,
        stage,
        exit,
        at,
        outcome: event.outcome as Outcome | undefined,
        production: isProductionEvent(event),
        doneRule,
        scope: doneRule === undefined ? undefined : doneScopeOf(event),
        abandoned: exit && isAbandonedEvent(event),
        source,
        environment: environmentOf(event),
        reworked: attributes?.rework === true,
        changesRequested: typeof requested === 'number' ? requested : 0,
      })
      added++
      if (at < firstAt) firstAt = at
      if (at > lastAt) lastAt = at
      return undefined
    },
    unknownStages: () => [...unknown].sort(),
    build: () => {
      built ??= build()
      return built
    },
  }
}
