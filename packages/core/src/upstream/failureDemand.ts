import type { HintValue } from '../ingest/ItemHints.js'
import { DAY_MS, type Window, within } from '../metrics/Window.js'
import type { Timeline } from '../timeline/Timeline.js'
import type { UpstreamOptions } from './UpstreamOptions.js'
import type { FailureDemand } from './UpstreamReport.js'

const WEEK_MS = 7 * DAY_MS

/** The least-squares slope of `values` against their positions; `null` with fewer than two. */
const slope = (points: ReadonlyArray<{ readonly x: number; readonly y: number }>): number | null => {
  if (points.length < 2) return null
  const meanX = points.reduce((sum, point) => sum + point.x, 0) / points.length
  const meanY = points.reduce((sum, point) => sum + point.y, 0) / points.length
  let covariance = 0
  let variance = 0
  for (const { x, y } of points) {
    covariance += (x - meanX) * (y - meanY)
    variance += (x - meanX) ** 2
  }
  return covariance / variance
}

/**
 * Failure demand: the completed items whose defect attribute (`options.failureDemand`) has a
 * defect value, over all completed items, per week and over the window.
 *
 * @since 0.1.0
 * @category upstream
 */
export const failureDemand = (
  timelines: ReadonlyArray<Timeline>,
  window: Window,
  attributeOf: (itemId: string, name: string) => HintValue | undefined,
  options: UpstreamOptions['failureDemand'],
): FailureDemand => {
  const weeks = Math.max(1, Math.ceil((window.to - window.from) / WEEK_MS))
  const completed = new Array<number>(weeks).fill(0)
  const defects = new Array<number>(weeks).fill(0)
  const causes: Array<{ itemId: string; causedBy: string[] }> = []
  for (const timeline of timelines) {
    const { doneAt } = timeline
    if (doneAt === undefined || !within(window, doneAt)) continue
    const week = Math.min(weeks - 1, Math.floor((doneAt - window.from) / WEEK_MS))
    completed[week]!++
    const value = attributeOf(timeline.itemId, options.attribute)
    if (typeof value !== 'string' || !options.values.includes(value)) continue
    defects[week]!++
    const cause = attributeOf(timeline.itemId, 'causedBy')
    if (typeof cause === 'string' && cause !== '') {
      causes.push({ itemId: timeline.itemId, causedBy: cause.split(',').map((key) => key.trim()) })
    }
  }
  const weekly = completed.map((count, week) => ({
    week: new Date(window.from + week * WEEK_MS).toISOString(),
    completed: count,
    defects: defects[week]!,
    share: count > 0 ? defects[week]! / count : null,
  }))
  const allCompleted = completed.reduce((sum, count) => sum + count, 0)
  const allDefects = defects.reduce((sum, count) => sum + count, 0)
  return {
    completed: allCompleted,
    defects: allDefects,
    share: allCompleted > 0 ? allDefects / allCompleted : null,
    weekly,
    trendPerWeek: slope(
      weekly.flatMap((entry, week) => (entry.share === null ? [] : [{ x: week, y: entry.share }])),
    ),
    causes: causes.sort((a, b) => a.itemId.localeCompare(b.itemId)),
  }
}
