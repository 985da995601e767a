import { Effect } from 'effect'
import { UsageError } from '../errors.js'

/**
 * Fails when an option is given an empty value (`--scenario ""`). The argument parser drops the
 * empty values of repeatable options without a word, so `--scenario ""` would run the baseline
 * alone; no option of `herbie` takes an empty value, so each is bad input naming the option.
 *
 * @since 0.1.0
 * @category input
 */
export const rejectEmptyValues = (argv: ReadonlyArray<string>): Effect.Effect<void, UsageError> => {
  for (let i = 0; i + 1 < argv.length; i++) {
    const option = argv[i]!
    if (option.startsWith('--') && !option.includes('=') && argv[i + 1]!.trim() === '') {
      return Effect.fail(new UsageError({ reason: `${option} "": an empty value` }))
    }
  }
  return Effect.void
}
