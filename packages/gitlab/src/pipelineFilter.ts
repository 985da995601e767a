import { Schema } from 'effect'

/**
 * The pipeline sources that are delivery work by default: a push, a merge request (also a merged
 * results or merge train pipeline) and an external pull request. Scheduled, triggered, manual
 * (`web`), API and downstream pipelines are not, unless they are the child of a counted one.
 *
 * @since 0.1.0
 * @category config
 */
export const DELIVERY_SOURCES: ReadonlyArray<string> = [
  'push',
  'merge_request_event',
  'external_pull_request_event',
]

const Names = Schema.Array(Schema.String)

/**
 * Which pipelines count as CI stays. A pipeline counts when its `source` is in `sources`, its
 * name (`workflow:name`) is in `names` (all pipelines when not given), and neither is excluded.
 * Child and downstream pipelines (`parent_pipeline`, `pipeline`) are never listed on their own:
 * they join the CI stay of the counted pipeline that triggered them.
 *
 * @since 0.1.0
 * @category config
 */
export const PipelineFilter = Schema.Struct({
  /** The sources that count (default: `push`, `merge_request_event`, `external_pull_request_event`). */
  sources: Schema.optionalWith(Names, { default: () => DELIVERY_SOURCES }),
  /** Sources that never count, even when listed in `sources`. */
  excludeSources: Schema.optionalWith(Names, { default: () => [] }),
  /** Only pipelines with these names count. */
  names: Schema.optional(Names),
  /** Pipelines with these names never count. */
  excludeNames: Schema.optionalWith(Names, { default: () => [] }),
})

/**
 * A decoded pipeline filter.
 *
 * @since 0.1.0
 * @category config
 */
export type PipelineFilter = typeof PipelineFilter.Type

/**
 * The filter when the config gives none: delivery sources, every pipeline name.
 *
 * @since 0.1.0
 * @category config
 */
export const defaultPipelineFilter: PipelineFilter = Schema.decodeSync(PipelineFilter)({})

/**
 * Whether a pipeline counts as delivery work under the filter. A pipeline without a `source`
 * (servers older than GitLab 12.x leave it out of lists) cannot be told apart and counts.
 *
 * @since 0.1.0
 * @category config
 */
export const countsAsDelivery = (
  filter: PipelineFilter,
  pipeline: { readonly source?: string | undefined; readonly name?: string | null | undefined },
): boolean => {
  const source = pipeline.source
  const name = pipeline.name ?? undefined
  const only = filter.names
  return (
    (source === undefined || (filter.sources.includes(source) && !filter.excludeSources.includes(source))) &&
    (only === undefined || (name !== undefined && only.includes(name))) &&
    (name === undefined || !filter.excludeNames.includes(name))
  )
}
