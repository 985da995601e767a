import type { StageMetrics } from '../metrics/stages.js'
import type { Overload } from './Overload.js'

/**
 * The least growth of a queue, as a share of the stage's arrivals a day, that the data's queue
 * trend must show for the stage to count as overloaded: a stable queue's trend wanders around 0.
 *
 * @since 0.1.0
 * @category what-if
 */
export const OVERLOAD_GROWTH_SHARE = 0.05

/**
 * The overload the data shows, or null: among the given work stages, the one whose queue grew
 * fastest over the window, when that growth (the least-squares trend `analyze` measures) is at
 * least {@link OVERLOAD_GROWTH_SHARE} of the items a day that reached it (what it finished plus
 * what its queue gained). Its capacity is what it finished a day (all an overloaded stage can
 * finish).
 *
 * @since 0.1.0
 * @category what-if
 */
export const observedOverload = (
  stages: ReadonlyArray<StageMetrics>,
  names: ReadonlyArray<string>,
): Overload | null => {
  let worst: Overload | null = null
  for (const stage of stages) {
    if (!names.includes(stage.name)) continue
    const growth = stage.queueGrowthPerDay
    // What reached the stage: what it finished plus what its queue gained.
    const demandPerDay = stage.throughputPerDay + growth
    if (growth <= 0 || growth < OVERLOAD_GROWTH_SHARE * demandPerDay) continue
    if (worst === null || growth > worst.queueGrowthPerDay) {
      worst = {
        stage: stage.name,
        demandPerDay,
        capacityPerDay: stage.throughputPerDay,
        queueGrowthPerDay: growth,
      }
    }
  }
  return worst
}
