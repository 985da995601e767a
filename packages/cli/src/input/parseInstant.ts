import { parseTimestamp } from '@herbie/core'
import { Effect, Either } from 'effect'
import { UsageError } from '../errors.js'

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/

/**
 * Reads an instant the user gave (an option or a config value): an ISO-8601 date-time with an
 * offset, or a plain date (`2026-03-01`, midnight UTC), in epoch milliseconds; the reason in
 * words when it is neither.
 *
 * @since 0.1.0
 * @category input
 */
export const checkInstant = (text: string): Either.Either<number, string> => {
  const ms = parseTimestamp(DATE_ONLY.test(text) ? `${text}T00:00:00Z` : text)
  return ms === undefined
    ? Either.left(
        `${JSON.stringify(text)} is not a date: use ISO-8601 like 2026-03-01 or 2026-03-01T09:00:00Z`,
      )
    : Either.right(ms)
}

/**
 * Parses the instant given to an option (`--from`, `--to`, `--by`, `--since`) with
 * {@link checkInstant}; bad input naming the option otherwise.
 *
 * @since 0.1.0
 * @category input
 */
export const parseInstant = (flag: string, text: string): Effect.Effect<number, UsageError> =>
  Either.match(checkInstant(text), {
    onLeft: (reason) => Effect.fail(new UsageError({ reason: `${flag} ${reason}` })),
    onRight: Effect.succeed,
  })
