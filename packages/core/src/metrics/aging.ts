import type { StreamIndex } from '../stream/StreamIndex.js'
import type { Timeline } from '../timeline/Timeline.js'
import type { Window } from './Window.js'

/**
 * An item still inside a stage at the window's end, and for how long (seconds).
 *
 * @since 0.1.0
 * @category metrics
 */
export interface AgingItem {
  readonly itemId: string
  readonly stage: string
  readonly ageSeconds: number
}

/**
 * Aging WIP: unfinished items inside a stage at the window's end, oldest first; `count` is all
 * of them, `oldest` the first `limit`.
 *
 * @since 0.1.0
 * @category metrics
 */
export const agingWip = (
  timelines: ReadonlyArray<Timeline>,
  index: StreamIndex,
  window: Window,
  limit = 10,
): { readonly count: number; readonly oldest: ReadonlyArray<AgingItem> } => {
  const aging: AgingItem[] = []
  for (const timeline of timelines) {
    if (timeline.doneAt !== undefined && timeline.doneAt <= window.to) continue
    if (timeline.abandonedAt !== undefined && timeline.abandonedAt <= window.to) continue
    for (const interval of timeline.intervals) {
      if (interval.stage === index.done || interval.enter > window.to) continue
      if (interval.exit !== undefined && interval.exit <= window.to) continue
      aging.push({
        itemId: timeline.itemId,
        stage: index.stages[interval.stage]!.name,
        ageSeconds: (window.to - interval.enter) / 1000,
      })
    }
  }
  aging.sort((a, b) => b.ageSeconds - a.ageSeconds || a.itemId.localeCompare(b.itemId))
  return { count: aging.length, oldest: aging.slice(0, limit) }
}
