import { Console, Effect } from 'effect'
import { escapeControl } from './escape.js'

/**
 * Prints warnings about the input on stderr, one `warning: ...` line each, control characters
 * escaped: how `simulate`, `forecast` and `export` show what `analyze` lists in its report
 * (invalid lines skipped, exits without an enter, repeated ids), leaving stdout to the result.
 *
 * @since 0.1.0
 * @category output
 */
export const printWarnings = (warnings: ReadonlyArray<string>): Effect.Effect<void> =>
  Effect.forEach(warnings, (warning) => Console.error(`warning: ${escapeControl(warning)}`), {
    discard: true,
  })
