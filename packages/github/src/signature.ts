import { hmacSignatureProblem } from '@herbie/core'

/**
 * Checks GitHub's `X-Hub-Signature-256` (`sha256=` and the hex HMAC-SHA256 of the raw body with
 * the webhook secret) in constant time: core's `hmacSignatureProblem` for that header. Returns
 * why it failed, or undefined when it holds. The body is never parsed here.
 *
 * @since 0.1.0
 * @category webhooks
 */
export const signatureProblem = (
  secret: string,
  rawBody: Uint8Array,
  header: string | undefined,
): string | undefined => hmacSignatureProblem('X-Hub-Signature-256', secret, rawBody, header)
