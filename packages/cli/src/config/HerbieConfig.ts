import { CorrelationOptions, UpstreamOptions } from '@herbie/core'
import { Schema } from 'effect'

/**
 * One source of events in the config: the adapter that reads it (`github`, a plugin's package
 * name, `package#export`, or a path to a module starting with `./`), its options, and stage
 * overrides for its facts.
 *
 * @since 0.1.0
 * @category config
 */
export const SourceConfig = Schema.Struct({
  adapter: Schema.NonEmptyTrimmedString,
  options: Schema.optionalWith(Schema.Record({ key: Schema.String, value: Schema.Unknown }), {
    default: () => ({}),
  }),
  stages: Schema.optionalWith(Schema.Record({ key: Schema.String, value: Schema.NonEmptyTrimmedString }), {
    default: () => ({}),
  }),
})

/**
 * A decoded source.
 *
 * @since 0.1.0
 * @category config
 */
export type SourceConfig = typeof SourceConfig.Type

const Limits = Schema.Record({ key: Schema.String, value: Schema.Union(Schema.String, Schema.Number) })

/**
 * The thresholds `herbie check` holds the analysis to when no `--max` or `--min` is given:
 * `{ "max": { "lead-time.p85": "5d", "wip.review": 8 }, "min": { "flow-efficiency": 0.2 } }`.
 *
 * @since 0.1.0
 * @category config
 */
export const CheckConfig = Schema.Struct({
  max: Schema.optionalWith(Limits, { default: () => ({}) }),
  min: Schema.optionalWith(Limits, { default: () => ({}) }),
})

const SOURCE_NAME = /^[\w.-]+$/

/**
 * `herbie.config.json` (or `.mjs`/`.js` with a default export): the sources `herbie sync` reads,
 * by name, where their events go (the event store `store`, or the NDJSON file `out`) and where
 * checkpoints are kept (paths relative to the file),
 * and how `herbie analyze` and `herbie export` join items across sources (`correlation`) and
 * read the upstream signals (`upstream`), decoded by core's `CorrelationOptions` and
 * `UpstreamOptions`, and the thresholds of `herbie check` (`check`).
 *
 * @since 0.1.0
 * @category config
 */
export const HerbieConfig = Schema.Struct({
  $schema: Schema.optional(Schema.String),
  /** An NDJSON file `herbie sync` appends to instead of the event store. */
  out: Schema.optional(Schema.NonEmptyTrimmedString),
  checkpoints: Schema.optionalWith(Schema.NonEmptyTrimmedString, { default: () => '.herbie/checkpoints' }),
  /** The event store file (relative to the config file); `.herbie/events.sqlite` when absent. */
  store: Schema.optional(Schema.NonEmptyTrimmedString),
  sources: Schema.Record({ key: Schema.String, value: SourceConfig }).pipe(
    Schema.filter((sources) => {
      const names = Object.keys(sources)
      const bad = names.find((name) => !SOURCE_NAME.test(name))
      if (bad !== undefined) return { path: [bad], message: 'a source name is letters, digits, ., _ or -' }
      return names.length > 0 || 'name at least one source'
    }),
  ),
  correlation: Schema.optional(CorrelationOptions),
  upstream: Schema.optional(UpstreamOptions),
  check: Schema.optional(CheckConfig),
})

/**
 * A decoded config file.
 *
 * @since 0.1.0
 * @category config
 */
export type HerbieConfig = typeof HerbieConfig.Type
