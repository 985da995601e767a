import { type Window, within } from '../metrics/Window.js'
import type { Timeline } from '../timeline/Timeline.js'
import type { Abandonment } from './UpstreamReport.js'

/**
 * The items abandoned in the window and the time spent on each before the drop: from its
 * commitment point (its first enter when it never crossed it) to when it was dropped.
 *
 * @since 0.1.0
 * @category upstream
 */
export const abandonment = (timelines: ReadonlyArray<Timeline>, window: Window): Abandonment => {
  let items = 0
  let completed = 0
  let spent = 0
  for (const timeline of timelines) {
    if (timeline.doneAt !== undefined && within(window, timeline.doneAt)) completed++
    const dropped = timeline.abandonedAt
    if (dropped === undefined || !within(window, dropped)) continue
    items++
    spent += dropped - (timeline.committedAt ?? timeline.firstEnter)
  }
  return {
    items,
    share: items + completed > 0 ? items / (items + completed) : null,
    spentSeconds: spent / 1000,
    meanSpentSeconds: items > 0 ? spent / 1000 / items : null,
  }
}
