import { type Window, within } from '../metrics/Window.js'
import type { StreamIndex } from '../stream/StreamIndex.js'
import type { Timeline } from '../timeline/Timeline.js'
import type { TimeToClarity } from './UpstreamReport.js'

/**
 * The time completed items spent in the clarity stages (those of `stages` the stream has),
 * closed stays only, and its share of their time from first enter to done.
 *
 * @since 0.1.0
 * @category upstream
 */
export const timeToClarity = (
  timelines: ReadonlyArray<Timeline>,
  index: StreamIndex,
  window: Window,
  stages: ReadonlyArray<string>,
): TimeToClarity => {
  const present = stages.filter((name) => index.positionOf.has(name))
  const clarity = new Set(present.map((name) => index.positionOf.get(name)!))
  let completed = 0
  let total = 0
  let elapsed = 0
  for (const timeline of timelines) {
    const { doneAt } = timeline
    if (doneAt === undefined || !within(window, doneAt)) continue
    completed++
    elapsed += doneAt - timeline.firstEnter
    for (const interval of timeline.intervals) {
      if (clarity.has(interval.stage) && interval.exit !== undefined) total += interval.exit - interval.enter
    }
  }
  return {
    stages: present,
    totalSeconds: total / 1000,
    meanPerCompletedItemSeconds: completed > 0 ? total / 1000 / completed : null,
    share: elapsed > 0 ? total / elapsed : null,
  }
}
