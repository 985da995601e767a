import { MalformedPayload } from '@herbie/core'
import { Effect, ParseResult, Schema } from 'effect'

const pathOf = (issue: ParseResult.ArrayFormatterIssue): string =>
  issue.path.reduce<string>(
    (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : `${acc}.${String(key)}`),
    '$',
  )

/**
 * Decodes a Jenkins body; one that does not match fails with {@link MalformedPayload} naming
 * the endpoint and the JSON path of the first wrong field (`GET job/payments/api/json
 * $.allBuilds[3].timestamp`).
 *
 * @since 0.1.0
 * @category api
 */
export const decodeBody = <A, I>(
  schema: Schema.Schema<A, I>,
  endpoint: string,
  body: unknown,
): Effect.Effect<A, MalformedPayload> =>
  Schema.decodeUnknown(schema)(body).pipe(
    Effect.mapError((error) => {
      const [issue] = ParseResult.ArrayFormatter.formatErrorSync(error)
      return new MalformedPayload({
        source: 'jenkins',
        path: `${endpoint} ${issue === undefined ? '$' : pathOf(issue)}`,
        reason: issue?.message ?? 'unexpected shape',
      })
    }),
  )
