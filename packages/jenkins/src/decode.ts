import { decodeBody as decodeWith, type MalformedPayload } from '@herbie/core'
import type { Effect, Schema } from 'effect'

/**
 * Decodes a Jenkins body; one that does not match fails with `MalformedPayload` naming the
 * endpoint and the JSON path of the first wrong field (`GET job/payments/api/json
 * $.allBuilds[3].timestamp`): core's `decodeBody` for `jenkins`.
 *
 * @since 0.1.0
 * @category api
 */
export const decodeBody = <A, I>(
  schema: Schema.Schema<A, I>,
  endpoint: string,
  body: unknown,
): Effect.Effect<A, MalformedPayload> => decodeWith('jenkins', schema, endpoint, body)
