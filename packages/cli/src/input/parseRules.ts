import { CorrelationRule } from '@herbie/core'
import { Effect, Either, Schema } from 'effect'
import { UsageError } from '../errors.js'

const decodeRule = Schema.decodeUnknownEither(CorrelationRule)

/**
 * Parses the value of `--correlate`: correlation rules separated by commas (`pr,commit`), or
 * `none` for no joining at all. An unknown rule is a usage error naming the flag, the rule and
 * the rules there are.
 *
 * @since 0.1.0
 * @category input
 */
export const parseRules = (
  flag: string,
  value: string,
): Effect.Effect<ReadonlyArray<CorrelationRule>, UsageError> => {
  if (value.trim() === 'none') return Effect.succeed([])
  return Effect.forEach(value.split(','), (name) =>
    Either.match(decodeRule(name.trim()), {
      onLeft: () =>
        Effect.fail(
          new UsageError({
            reason: `${flag}: no correlation rule ${JSON.stringify(name.trim())} (the rules are ${CorrelationRule.literals.join(', ')}, or none)`,
          }),
        ),
      onRight: (rule) => Effect.succeed(rule),
    }),
  )
}
