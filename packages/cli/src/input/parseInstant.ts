import { parseTimestamp } from '@herbie/core'
import { Effect } from 'effect'
import { UsageError } from '../errors.js'

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/

/**
 * Parses a `--from`/`--to` value: an ISO-8601 date-time with an offset, or a plain date
 * (`2026-03-01`, midnight UTC).
 *
 * @since 0.1.0
 * @category input
 */
export const parseInstant = (flag: string, text: string): Effect.Effect<number, UsageError> => {
  const ms = parseTimestamp(DATE_ONLY.test(text) ? `${text}T00:00:00Z` : text)
  return ms === undefined
    ? Effect.fail(
        new UsageError({
          reason: `${flag} ${JSON.stringify(text)} is not a date: use ISO-8601 like 2026-03-01 or 2026-03-01T09:00:00Z`,
        }),
      )
    : Effect.succeed(ms)
}
