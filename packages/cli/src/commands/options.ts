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
