import type { StreamIndex } from '../stream/StreamIndex.js'
import type { Timeline } from '../timeline/Timeline.js'
import { type Summary, summarizeMillis } from './percentile.js'
import { type Window, windowDays, within } from './Window.js'

/**
 * A DORA performance band.
 *
 * @since 0.1.0
 * @category dora
 */
export type DoraBand = 'elite' | 'high' | 'medium' | 'low'

/**
 * The DORA keys measured from production deployments (exits of a work stage that carry an
 * `outcome` and concern the production environment). Durations in seconds.
 *
 * @since 0.1.0
 * @category dora
 */
export interface DoraMetrics {
  readonly deployments: number
  readonly deploymentFrequencyPerDay: number
  /**
   * From the change's first work (coding start: a joined item's first commit, not its ticket's
   * In Progress) to its successful production deployment; deployments with no work before them
   * (a bare deployment of an unknown change) have none.
   */
  readonly leadTimeForChanges: Summary
  /** Failed production deployments over all finished ones (cancelled ones left out). */
  readonly changeFailureRate: number
  /** From a failed production deployment to the next successful one. */
  readonly failedDeploymentRecoveryTime: Summary
  /** Share of production deployments that deploy an item again (after a failure, or a fix). */
  readonly reworkRate: number
  readonly bands: {
    readonly deploymentFrequency: DoraBand
    /** `null` when no deployment's change is known (lead time for changes has no sample). */
    readonly leadTimeForChanges: DoraBand | null
    readonly changeFailureRate: DoraBand
    readonly failedDeploymentRecoveryTime: DoraBand
  }
}

const HOUR = 3600
const DAY = 24 * HOUR
const WEEK = 7 * DAY
const MONTH = 30 * DAY

const band = (
  value: number,
  elite: number,
  high: number,
  medium: number,
  higherIsBetter = false,
): DoraBand => {
  if (higherIsBetter)
    return value >= elite ? 'elite' : value >= high ? 'high' : value >= medium ? 'medium' : 'low'
  return value <= elite ? 'elite' : value <= high ? 'high' : value <= medium ? 'medium' : 'low'
}

/**
 * Places the four DORA keys in their bands. Thresholds: deployment frequency at least daily /
 * weekly / monthly; lead time for changes within a day / week / month; change failure rate at
 * most 5% / 10% / 15%; recovery within an hour / a day / a week.
 *
 * @since 0.1.0
 * @category dora
 */
export const doraBands = (keys: {
  readonly deploymentFrequencyPerDay: number
  /** Undefined when there is no lead time for changes to place. */
  readonly leadTimeForChangesP50: number | undefined
  readonly changeFailureRate: number
  readonly recoveryP50: number
}): DoraMetrics['bands'] => ({
  deploymentFrequency: band(keys.deploymentFrequencyPerDay, 1, 1 / 7, 1 / 30, true),
  leadTimeForChanges:
    keys.leadTimeForChangesP50 === undefined ? null : band(keys.leadTimeForChangesP50, DAY, WEEK, MONTH),
  changeFailureRate: band(keys.changeFailureRate, 0.05, 0.1, 0.15),
  failedDeploymentRecoveryTime: band(keys.recoveryP50, HOUR, DAY, WEEK),
})

interface Deployment {
  readonly at: number
  readonly ok: boolean
  readonly itemId: string
  /** Where the deployed change began; undefined when the item shows no work before this deployment. */
  readonly codingStart: number | undefined
}

/**
 * The DORA keys, or `undefined` when no production deployment lies in the window.
 *
 * @since 0.1.0
 * @category dora
 */
export const doraMetrics = (
  timelines: ReadonlyArray<Timeline>,
  index: StreamIndex,
  window: Window,
): DoraMetrics | undefined => {
  const deployments: Deployment[] = []
  for (const timeline of timelines) {
    const firstWork = timeline.intervals.find((interval) => index.isWork[interval.stage])
    const codingStart = timeline.changeStart ?? firstWork?.enter
    for (const interval of timeline.intervals) {
      const { exit, outcome } = interval
      if (!interval.production || exit === undefined || outcome === undefined || outcome === 'cancelled')
        continue
      if (!index.isWork[interval.stage]) continue
      deployments.push({
        at: exit,
        ok: outcome === 'success',
        itemId: timeline.itemId,
        // A deployment that is its item's first work shows no change: no lead time for it.
        codingStart: timeline.changeStart === undefined && interval === firstWork ? undefined : codingStart,
      })
    }
  }
  deployments.sort((a, b) => a.at - b.at)
  const inWindow = deployments.filter((deployment) => within(window, deployment.at))
  if (inWindow.length === 0) return undefined
  const successes = inWindow.filter((deployment) => deployment.ok)
  const failures = inWindow.length - successes.length
  const recoveries: number[] = []
  let failedSince: number | undefined
  const deployedBefore = new Set<string>()
  let rework = 0
  for (const deployment of deployments) {
    const counted = within(window, deployment.at)
    if (counted && deployedBefore.has(deployment.itemId)) rework++
    deployedBefore.add(deployment.itemId)
    if (!deployment.ok) {
      if (failedSince === undefined) failedSince = deployment.at
    } else if (failedSince !== undefined) {
      if (within(window, failedSince)) recoveries.push(deployment.at - failedSince)
      failedSince = undefined
    }
  }
  const leadTimeForChanges = summarizeMillis(
    successes.flatMap(({ at, codingStart }) => (codingStart === undefined ? [] : [at - codingStart])),
  )
  const failedDeploymentRecoveryTime = summarizeMillis(recoveries)
  const deploymentFrequencyPerDay = successes.length / windowDays(window)
  const changeFailureRate = failures / inWindow.length
  return {
    deployments: inWindow.length,
    deploymentFrequencyPerDay,
    leadTimeForChanges,
    changeFailureRate,
    failedDeploymentRecoveryTime,
    reworkRate: rework / inWindow.length,
    bands: doraBands({
      deploymentFrequencyPerDay,
      leadTimeForChangesP50: leadTimeForChanges.count === 0 ? undefined : leadTimeForChanges.p50,
      changeFailureRate,
      recoveryP50: failedDeploymentRecoveryTime.count === 0 ? 0 : failedDeploymentRecoveryTime.p50,
    }),
  }
}
