import { Effect } from 'effect'
import type { WebhookDelivery } from '../defineAdapter.js'
import { MalformedPayload } from '../errors.js'

/**
 * The JSON of a verified webhook delivery's body; a body that is not JSON fails with
 * {@link MalformedPayload} naming the source.
 *
 * @since 0.1.0
 * @category adapter http
 */
export const webhookJson = (
  source: string,
  delivery: WebhookDelivery,
): Effect.Effect<unknown, MalformedPayload> =>
  Effect.try({
    try: () => JSON.parse(new TextDecoder().decode(delivery.rawBody)) as unknown,
    catch: (cause) =>
      new MalformedPayload({
        source,
        path: '$',
        reason: `body is not JSON: ${cause instanceof Error ? cause.message : String(cause)}`,
      }),
  })
