import { Effect, ParseResult, Schema } from 'effect'
import { MalformedPayload } from '../errors.js'

const pathOf = (issue: ParseResult.ArrayFormatterIssue): string =>
  issue.path.reduce<string>(
    (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : `${acc}.${String(key)}`),
    '$',
  )

/**
 * Decodes a response or webhook body; one that does not match fails with {@link MalformedPayload}
 * naming the source, the endpoint (`GET /projects/4821/pipelines`) and the JSON path of the first
 * wrong field (`$[0].created_at`).
 *
 * @since 0.1.0
 * @category adapter http
 */
export const decodeBody = <A, I>(
  source: string,
  schema: Schema.Schema<A, I>,
  endpoint: string,
  body: unknown,
): Effect.Effect<A, MalformedPayload> =>
  Schema.decodeUnknown(schema)(body).pipe(
    Effect.mapError((error) => {
      const [issue] = ParseResult.ArrayFormatter.formatErrorSync(error)
      return new MalformedPayload({
        source,
        path: `${endpoint} ${issue === undefined ? '$' : pathOf(issue)}`,
        reason: issue?.message ?? 'unexpected shape',
      })
    }),
  )
