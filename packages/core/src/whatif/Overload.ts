import type { StageFlow } from '../simulate/flow.js'

/**
 * A stage that gets more work a day than it can finish: its queue grows without bound, and so
 * does lead time, for as long as the overload lasts. Items per day.
 *
 * @since 0.1.0
 * @category what-if
 */
export interface Overload {
  readonly stage: string
  readonly demandPerDay: number
  readonly capacityPerDay: number
  readonly queueGrowthPerDay: number
}

// Demand this close to capacity (relative) is taken as equal: the first stage of a saturated line.
const EPSILON = 1e-9

/**
 * The overloaded stage whose queue grows fastest in a nominal flow, or null when every stage
 * can finish what reaches it.
 *
 * @since 0.1.0
 * @category what-if
 */
export const overloadOf = (flow: ReadonlyArray<StageFlow>): Overload | null => {
  let worst: Overload | null = null
  for (const stage of flow) {
    const growth = stage.demandPerDay - stage.capacityPerDay
    if (growth <= EPSILON * stage.capacityPerDay) continue
    if (worst === null || growth > worst.queueGrowthPerDay) {
      worst = {
        stage: stage.name,
        demandPerDay: stage.demandPerDay,
        capacityPerDay: stage.capacityPerDay,
        queueGrowthPerDay: growth,
      }
    }
  }
  return worst
}
