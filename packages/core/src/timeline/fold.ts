import type { MemberEvents } from '../correlate/Correlation.js'
import type { ItemEvent } from '../ingest/EventLog.js'
import type { StreamIndex } from '../stream/StreamIndex.js'
import { type DoneRuleSummary, resolveDoneRules } from './doneRules.js'
import { cutTrackerStays, endAtDone } from './joinedStays.js'
import { mergeStays } from './mergeStays.js'
import type { Interval, Timeline, TimelineWarning } from './Timeline.js'

const SAMPLE_IDS = 10

type Kind = TimelineWarning['kind']

const MESSAGES: Record<Kind, string> = {
  'exit-without-enter': 'exits with no matching enter (ignored)',
  'enter-without-exit':
    'entered a stage and never left it although the item is done (left out of time in stage)',
  'enter-while-inside': 'entered a stage again before leaving it (the later enter is ignored)',
}

/** Collects timeline warnings by kind, keeping the count and the first item ids. */
interface WarningCollector {
  readonly report: (kind: Kind, itemId: string) => void
  readonly warnings: () => ReadonlyArray<TimelineWarning>
}

const makeWarnings = (): WarningCollector => {
  const byKind = new Map<Kind, { count: number; ids: string[] }>()
  return {
    report: (kind, itemId) => {
      const entry = byKind.get(kind) ?? { count: 0, ids: [] }
      entry.count++
      if (entry.ids.length < SAMPLE_IDS && !entry.ids.includes(itemId)) entry.ids.push(itemId)
      byKind.set(kind, entry)
    },
    warnings: () =>
      [...byKind].map(([kind, { count, ids }]) => ({
        kind,
        count,
        itemIds: ids,
        message: `${count} ${MESSAGES[kind]}: ${ids.join(', ')}${count > ids.length ? ', ...' : ''}`,
      })),
  }
}

/** Orders events by stage, then time; at equal times exits come before enters, so a zero-gap re-entry pairs. */
const byStageThenTime = (a: ItemEvent, b: ItemEvent): number =>
  a.stage - b.stage || a.at - b.at || Number(b.exit) - Number(a.exit)

/** Pairs the events `events[from..to)` of one stage into stays. */
const pairStage = (
  itemId: string,
  events: ReadonlyArray<ItemEvent>,
  from: number,
  to: number,
  out: Interval[],
  warn: WarningCollector['report'],
  terminal: boolean,
): void => {
  let open: ItemEvent | undefined
  for (let i = from; i < to; i++) {
    const event = events[i]!
    if (!event.exit) {
      if (open === undefined) open = event
      // Being done again (a second production deployment) changes nothing: the first counts.
      else if (!terminal) warn('enter-while-inside', itemId)
      continue
    }
    if (open !== undefined) {
      out.push({
        stage: event.stage,
        enter: open.at,
        exit: event.at,
        outcome: event.outcome,
        production: event.production || open.production,
        reworked: open.reworked === true || event.reworked === true,
        changesRequested: event.changesRequested ?? 0,
      })
      open = undefined
      continue
    }
    // An exit at the same instant as an enter that sorted after it is a zero-length stay.
    const next = i + 1 < to ? events[i + 1] : undefined
    if (next !== undefined && !next.exit && next.at === event.at) {
      out.push({
        stage: event.stage,
        enter: next.at,
        exit: event.at,
        outcome: event.outcome,
        production: event.production || next.production,
        reworked: next.reworked === true || event.reworked === true,
        changesRequested: event.changesRequested ?? 0,
      })
      i++
    } else warn('exit-without-enter', itemId)
  }
  if (open !== undefined) {
    out.push({
      stage: open.stage,
      enter: open.at,
      exit: undefined,
      outcome: undefined,
      production: open.production,
      reworked: open.reworked === true,
      changesRequested: 0,
    })
  }
}

/**
 * When an unfinished item was dropped: the latest exit marked `abandoned`, unless the item entered
 * a stage again after it, or is still inside one.
 */
const abandonedAt = (events: ReadonlyArray<ItemEvent>, intervals: ReadonlyArray<Interval>) => {
  let at: number | undefined
  for (const event of events)
    if (event.abandoned === true && (at === undefined || event.at > at)) at = event.at
  if (at === undefined) return undefined
  const dropped = at
  return intervals.some((interval) => interval.exit === undefined || interval.enter > dropped)
    ? undefined
    : dropped
}

/** Pairs the events of one source item (or one part of a joined item) into stays. */
const pairEvents = (
  itemId: string,
  events: ReadonlyArray<ItemEvent>,
  index: StreamIndex,
  warn: WarningCollector['report'],
  ignores: ((event: ItemEvent) => boolean) | undefined,
  out: Interval[],
): ItemEvent[] => {
  const sorted = (ignores === undefined ? [...events] : events.filter((event) => !ignores(event))).sort(
    byStageThenTime,
  )
  for (let from = 0; from < sorted.length; ) {
    let to = from + 1
    while (to < sorted.length && sorted[to]!.stage === sorted[from]!.stage) to++
    pairStage(itemId, sorted, from, to, out, warn, sorted[from]!.stage === index.done)
    from = to
  }
  return sorted
}

/** The first enter of a work stage among `stays`. */
const firstWorkEnter = (stays: ReadonlyArray<Interval>, index: StreamIndex): number | undefined => {
  let at: number | undefined
  for (const stay of stays)
    if (index.isWork[stay.stage] && (at === undefined || stay.enter < at)) at = stay.enter
  return at
}

/** The done instant of `intervals` (sorted by enter): the first done stay's. */
const doneOf = (intervals: ReadonlyArray<Interval>, index: StreamIndex): number | undefined => {
  const done = intervals.find((interval) => interval.stage === index.done)
  return done === undefined ? undefined : (done.exit ?? done.enter)
}

/**
 * A joined item's stays from its parts (each member's events, paired among themselves): the
 * tracker's stays cut where the code moved on, overlapping stays of one stage merged, and
 * none running past done; and where its change began (the code's first work, when a tracker
 * joined).
 */
const joinedIntervals = (
  itemId: string,
  parts: ReadonlyArray<MemberEvents>,
  index: StreamIndex,
  warn: WarningCollector['report'],
  ignores: ((event: ItemEvent) => boolean) | undefined,
) => {
  const code: Interval[] = []
  const tracker: Interval[] = []
  const sorted = parts.flatMap((part) =>
    pairEvents(itemId, part.events, index, warn, ignores, part.tracker ? tracker : code),
  )
  const merged = mergeStays([...code, ...cutTrackerStays(tracker, code)])
  merged.sort((a, b) => a.enter - b.enter || a.stage - b.stage)
  const doneAt = doneOf(merged, index)
  return {
    sorted,
    intervals: doneAt === undefined ? merged : endAtDone(merged, index.done, doneAt),
    changeStart: tracker.length > 0 ? firstWorkEnter(code, index) : undefined,
  }
}

/**
 * Folds one item: its events, or for a joined item its parts (see {@link joinedIntervals}); a
 * joined item's lead time starts at its commitment point.
 */
const foldItem = (
  itemId: string,
  events: ReadonlyArray<ItemEvent>,
  parts: ReadonlyArray<MemberEvents> | undefined,
  index: StreamIndex,
  warn: WarningCollector['report'],
  ignores: ((event: ItemEvent) => boolean) | undefined,
): Timeline => {
  const single: Interval[] = []
  const { sorted, intervals, changeStart } =
    parts === undefined
      ? {
          sorted: pairEvents(itemId, events, index, warn, ignores, single),
          intervals: single,
          changeStart: undefined,
        }
      : joinedIntervals(itemId, parts, index, warn, ignores)
  intervals.sort((a, b) => a.enter - b.enter || a.stage - b.stage)
  let firstEnter = Number.POSITIVE_INFINITY
  let committedAt: number | undefined
  for (const interval of intervals) {
    if (interval.enter < firstEnter) firstEnter = interval.enter
    if (interval.stage >= index.commitment && interval.stage !== index.done && committedAt === undefined) {
      committedAt = interval.enter
    }
  }
  const doneAt = doneOf(intervals, index)
  if (doneAt !== undefined) {
    const finished = doneAt
    for (const interval of intervals) {
      if (interval.exit === undefined && interval.stage !== index.done && interval.enter <= finished) {
        warn('enter-without-exit', itemId)
      }
    }
  }
  if (firstEnter === Number.POSITIVE_INFINITY) {
    // Only unmatched exits: the item still existed at those times.
    firstEnter = events.reduce((min, event) => Math.min(min, event.at), Number.POSITIVE_INFINITY)
  }
  return {
    itemId,
    intervals,
    firstEnter,
    ...(parts !== undefined && committedAt !== undefined ? { leadStart: committedAt } : {}),
    ...(changeStart === undefined ? {} : { changeStart }),
    committedAt,
    doneAt,
    abandonedAt: doneAt === undefined ? abandonedAt(sorted, intervals) : undefined,
  }
}

/**
 * The result of folding events into timelines.
 *
 * @since 0.1.0
 * @category timelines
 */
export interface Timelines {
  readonly timelines: ReadonlyArray<Timeline>
  readonly warnings: ReadonlyArray<TimelineWarning>
  /** Where items were taken to be done (see {@link resolveDoneRules}). */
  readonly done: DoneRuleSummary
}

/**
 * How to fold: the work items joined across sources, with their events per member (see
 * `Correlated.parts`); their lead time starts at their commitment point.
 *
 * @since 0.1.0
 * @category timelines
 */
export interface FoldOptions {
  readonly parts?: ReadonlyMap<string, ReadonlyArray<MemberEvents>>
}

/**
 * Folds each item's events into stage intervals. Events may come in any order; an item may enter
 * the same stage many times (review after changes were requested). Exits with no enter, enters
 * never closed on a finished item and enters inside an open stay are reported as warnings that
 * name the items, never dropped silently; an open stay of an unfinished item is aging WIP.
 * Done candidates are resolved per item first (see {@link resolveDoneRules}).
 *
 * @since 0.1.0
 * @category timelines
 */
export const foldTimelines = (
  items: ReadonlyMap<string, ReadonlyArray<ItemEvent>>,
  index: StreamIndex,
  options: FoldOptions = {},
): Timelines => {
  const collector = makeWarnings()
  const rules = resolveDoneRules(items, index)
  const timelines: Timeline[] = []
  // Items in id order, so that the report does not depend on the order events arrived in.
  const ids = [...items.keys()].sort()
  for (const itemId of ids) {
    const events = items.get(itemId)!
    timelines.push(
      foldItem(itemId, events, options.parts?.get(itemId), index, collector.report, rules.ignoresIn(events)),
    )
  }
  return { timelines, warnings: collector.warnings(), done: rules.summary }
}
