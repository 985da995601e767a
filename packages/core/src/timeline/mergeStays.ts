import type { Interval } from './Timeline.js'

/**
 * One item's stays gathered from several sources, with the overlapping stays of one stage made
 * one (a tracker's In Progress and a pull request's coding are one stay in develop): sorted by
 * stage then enter, a stay that begins strictly inside the previous one of its stage extends
 * it. The union keeps the outcome of the stay that ends last, is open when either is, and adds
 * up the rework marks. Stays that only touch (a re-entry with no gap) stay apart.
 *
 * @since 0.1.0
 * @category timelines
 */
export const mergeStays = (stays: ReadonlyArray<Interval>): Interval[] => {
  const sorted = [...stays].sort((a, b) => a.stage - b.stage || a.enter - b.enter)
  const merged: Interval[] = []
  for (const stay of sorted) {
    const last = merged.at(-1)
    const inside =
      last !== undefined && last.stage === stay.stage && (last.exit === undefined || stay.enter < last.exit)
    if (!inside) {
      merged.push(stay)
      continue
    }
    const endsLater = last.exit !== undefined && (stay.exit === undefined || stay.exit > last.exit)
    merged[merged.length - 1] = {
      stage: last.stage,
      enter: last.enter,
      exit: last.exit === undefined || stay.exit === undefined ? undefined : Math.max(last.exit, stay.exit),
      outcome: endsLater ? stay.outcome : last.outcome,
      production: last.production || stay.production,
      reworked: last.reworked === true || stay.reworked === true,
      changesRequested: (last.changesRequested ?? 0) + (stay.changesRequested ?? 0),
    }
  }
  return merged
}
