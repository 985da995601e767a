import { type DoneRule, doneRuleOf, doneScopeOf, isAbandonedEvent } from '../event/doneRule.js'
import { isProductionEvent } from '../event/environment.js'
import type { FieldIssue } from '../event/issue.js'
import type { Outcome } from '../event/StageEvent.js'
import type { StreamIndex } from '../stream/StreamIndex.js'

/**
 * One event as the analysis keeps it: the stage as its position in the stream, the time in epoch
 * milliseconds, the outcome, whether it concerns the production environment, and on done
 * candidates their rule and scope, on exits whether they abandon the item.
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
}

/**
 * The events of a whole file or stream, deduplicated by id and grouped by work item.
 *
 * @since 0.1.0
 * @category ingest
 */
export interface EventLog {
  readonly items: ReadonlyMap<string, ReadonlyArray<ItemEvent>>
  readonly accepted: number
  readonly duplicates: number
  readonly firstAt: number
  readonly lastAt: number
}

/**
 * Accumulates events into an {@link EventLog}: `add` takes one event that passed the contract
 * check, with its time already parsed, and returns an issue when its stage is not in the stream.
 *
 * @since 0.1.0
 * @category ingest
 */
export interface EventLogBuilder {
  readonly add: (event: Readonly<Record<string, unknown>>, at: number) => FieldIssue | undefined
  readonly unknownStages: () => ReadonlyArray<string>
  readonly build: () => EventLog
}

/** Beyond this many events an item's ids are kept in a set rather than scanned. */
const SCAN_LIMIT = 64

/**
 * Starts an empty event log for a value stream.
 *
 * @since 0.1.0
 * @category ingest
 */
export const makeEventLog = (index: StreamIndex): EventLogBuilder => {
  const items = new Map<string, ItemEvent[]>()
  const manyIds = new Map<string, Set<string>>()
  const isRepeated = (
    itemId: string,
    events: ReadonlyArray<ItemEvent>,
    id: string,
    stage: number,
    exit: boolean,
  ) => {
    if (events.length < SCAN_LIMIT) {
      // A repeated fact repeats its stage and type too: compare ids only where those match.
      for (let i = events.length - 1; i >= 0; i--) {
        const event = events[i]!
        if (event.stage === stage && event.exit === exit && event.id === id) return true
      }
      return false
    }
    let ids = manyIds.get(itemId)
    if (ids === undefined) {
      ids = new Set(events.map((event) => event.id))
      manyIds.set(itemId, ids)
    }
    if (ids.has(id)) return true
    ids.add(id)
    return false
  }
  const unknown = new Set<string>()
  let accepted = 0
  let duplicates = 0
  let firstAt = Number.POSITIVE_INFINITY
  let lastAt = Number.NEGATIVE_INFINITY
  return {
    add: (event, at) => {
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
      let list = items.get(itemId)
      if (list === undefined) {
        list = []
        items.set(itemId, list)
      } else if (isRepeated(itemId, list, id, stage, exit)) {
        // The same source fact always carries the same id and the same item: count it once.
        duplicates++
        return undefined
      }
      accepted++
      if (at < firstAt) firstAt = at
      if (at > lastAt) lastAt = at
      const doneRule = stage === index.done && !exit ? doneRuleOf(event) : undefined
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
      })
      return undefined
    },
    unknownStages: () => [...unknown].sort(),
    build: () => ({ items, accepted, duplicates, firstAt, lastAt }),
  }
}
