import type { StageMapping } from '@herbie/core'
import type { Status } from './api.js'
import type { JiraConfig } from './config.js'

/**
 * The stage name of a wait status without a mapping of its own: its name in lower-case words
 * joined by `-` (`Ready for QA` → `ready-for-qa`).
 *
 * @since 0.1.0
 * @category mapping
 */
export const waitStageName = (status: string): string =>
  status
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '')
    .join('-')

/**
 * The status categories of a site by status id, from `GET /rest/api/{2,3}/status`.
 *
 * @since 0.1.0
 * @category mapping
 */
export type StatusCategories = ReadonlyMap<string, string>

/**
 * The status categories of a status list, by id.
 *
 * @since 0.1.0
 * @category mapping
 */
export const statusCategories = (statuses: ReadonlyArray<Status>): StatusCategories =>
  new Map(
    statuses.flatMap((status) =>
      status.statusCategory?.key === undefined ? [] : [[status.id, status.statusCategory.key]],
    ),
  )

/**
 * How the statuses of a config map to stages, and which stages are waits.
 *
 * @since 0.1.0
 * @category mapping
 */
export interface StatusStages {
  /** The stage of a status (by id when the category is known, else by name). */
  readonly stageOf: (status: { readonly id?: string | null | undefined; readonly name: string }) => string
  /** Whether a stage is one of the wait statuses' stages. */
  readonly isWait: (stage: string) => boolean
}

/**
 * The stage of each status: the `statuses` option by name (case-insensitive), then a wait
 * status's own stage ({@link waitStageName}), then the stage of its category (`new`,
 * `indeterminate`, `done` in the stage mapping; a status of no or an unknown category is
 * `indeterminate`).
 *
 * @since 0.1.0
 * @category mapping
 */
export const statusStages = (
  config: Pick<JiraConfig, 'statuses' | 'waitStatuses'>,
  stages: StageMapping,
  categories: StatusCategories,
): StatusStages => {
  const named = new Map(Object.entries(config.statuses).map(([name, stage]) => [name.toLowerCase(), stage]))
  const waits = new Map(
    config.waitStatuses.map((name) => [
      name.toLowerCase(),
      named.get(name.toLowerCase()) ?? waitStageName(name),
    ]),
  )
  const waitStages = new Set(waits.values())
  const fallback = stages.indeterminate ?? 'develop'
  return {
    stageOf: (status) => {
      const name = status.name.toLowerCase()
      const mapped = named.get(name) ?? waits.get(name)
      if (mapped !== undefined) return mapped
      const category = status.id === undefined || status.id === null ? undefined : categories.get(status.id)
      return (category === undefined ? undefined : stages[category]) ?? fallback
    },
    isWait: (stage) => waitStages.has(stage),
  }
}
