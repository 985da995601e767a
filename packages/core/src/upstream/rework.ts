import { type Window, within } from '../metrics/Window.js'
import type { StreamIndex } from '../stream/StreamIndex.js'
import type { Timeline } from '../timeline/Timeline.js'
import type { Rework } from './UpstreamReport.js'

/**
 * Rework of the items completed in the window: per stage the returns (a stay that is the item's
 * second or later in the stage, or marked `rework`) and the rounds of changes requested during
 * stays; an item that entered a stage after its done counts as reopened.
 *
 * @since 0.1.0
 * @category upstream
 */
export const rework = (timelines: ReadonlyArray<Timeline>, index: StreamIndex, window: Window): Rework => {
  const count = index.stages.length
  const returns = new Array<number>(count).fill(0)
  const requested = new Array<number>(count).fill(0)
  const visited = new Uint8Array(count)
  let completed = 0
  let reopened = 0
  for (const timeline of timelines) {
    const { doneAt } = timeline
    if (doneAt === undefined || !within(window, doneAt)) continue
    completed++
    let after = false
    for (const interval of timeline.intervals) {
      const { stage } = interval
      if (stage === index.done) continue
      if (visited[stage] === 1 || interval.reworked === true) returns[stage]!++
      visited[stage] = 1
      requested[stage]! += interval.changesRequested ?? 0
      if (interval.enter > doneAt) after = true
    }
    if (after) reopened++
    for (const interval of timeline.intervals) visited[interval.stage] = 0
  }
  const byStage = index.stages.flatMap((stage, position) =>
    returns[position]! + requested[position]! === 0
      ? []
      : [
          {
            stage: stage.name,
            returns: returns[position]!,
            changesRequested: requested[position]!,
            rounds: returns[position]! + requested[position]!,
          },
        ],
  )
  const rounds = byStage.reduce((sum, stage) => sum + stage.rounds, 0)
  return { rounds, perCompletedItem: completed > 0 ? rounds / completed : null, reopened, byStage }
}
