import { Options } from '@effect/cli'

/**
 * `--json`: print one JSON object instead of the terminal report.
 *
 * @since 0.1.0
 * @category commands
 */
export const json = Options.boolean('json').pipe(
  Options.withDescription('Print one JSON object (durations in seconds).'),
)

/**
 * `--verbose`: show stack traces of unexpected errors.
 *
 * @since 0.1.0
 * @category commands
 */
export const verbose = Options.boolean('verbose').pipe(
  Options.withDescription('Show the stack trace of an unexpected error.'),
)

/**
 * A text option with a placeholder name in the usage line.
 *
 * @since 0.1.0
 * @category commands
 */
export const text = (name: string, placeholder: string, description: string) =>
  Options.text(name).pipe(Options.withPseudoName(placeholder), Options.withDescription(description))

/**
 * `--events FILE.ndjson`: the stage events to read.
 *
 * @since 0.1.0
 * @category commands
 */
export const events = text(
  'events',
  'FILE.ndjson',
  'NDJSON file of stage events (may be .gz); read as a stream.',
)
/**
 * `--stream STREAM.json`: the value stream.
 *
 * @since 0.1.0
 * @category commands
 */
export const stream = text(
  'stream',
  'STREAM.json',
  'Value stream JSON (stages, commitment, done); the default stream when absent.',
).pipe(Options.optional)
/**
 * `--from ISO`: window start.
 *
 * @since 0.1.0
 * @category commands
 */
export const from = text('from', 'ISO', 'Window start, ISO-8601 (default: first event).').pipe(
  Options.optional,
)
/**
 * `--to ISO`: window end.
 *
 * @since 0.1.0
 * @category commands
 */
export const to = text('to', 'ISO', 'Window end, ISO-8601 (default: last event).').pipe(Options.optional)
/**
 * `--skip-invalid`: analyse the valid lines only.
 *
 * @since 0.1.0
 * @category commands
 */
export const skipInvalid = Options.boolean('skip-invalid').pipe(
  Options.withDescription('Analyse the valid lines and report how many were skipped, instead of failing.'),
)

/**
 * An integer option with a placeholder name in the usage line.
 *
 * @since 0.1.0
 * @category commands
 */
export const integer = (name: string, placeholder: string, description: string) =>
  Options.integer(name).pipe(Options.withPseudoName(placeholder), Options.withDescription(description))

/**
 * Gives an option a default value and says it in its help ("Default: 90."), from the one value.
 *
 * @since 0.1.0
 * @category commands
 */
export const defaultTo =
  <const B extends string | number>(value: B) =>
  <A>(self: Options.Options<A>): Options.Options<A | B> =>
    self.pipe(Options.withDefault(value), Options.withDescription(`Default: ${value}.`))

/**
 * `--seed N`: the random seed; the same seed gives the same results.
 *
 * @since 0.1.0
 * @category commands
 */
export const seed = integer('seed', 'N', 'Random seed: the same seed gives the same results.').pipe(
  defaultTo(1),
)

/**
 * `--config FILE`: the config file (default: the first of `herbie.config.json`, `.mjs`, `.js`
 * in the current folder).
 *
 * @since 0.1.0
 * @category commands
 */
export const config = text(
  'config',
  'FILE',
  'The config file (default: herbie.config.json, .mjs or .js here).',
).pipe(Options.optional)

/**
 * `--correlate RULES`: the correlation rules to run this once, instead of the config's.
 *
 * @since 0.1.0
 * @category commands
 */
export const correlate = text(
  'correlate',
  'RULES',
  "Join items across sources with these rules only (pr,commit,issue-key,deploy-range; or none), instead of the config's.",
).pipe(Options.optional)
