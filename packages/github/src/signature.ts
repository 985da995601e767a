import { createHmac, timingSafeEqual } from 'node:crypto'

const PREFIX = 'sha256='

/**
 * Checks GitHub's `X-Hub-Signature-256` (`sha256=` and the hex HMAC-SHA256 of the raw body with
 * the webhook secret) in constant time. Returns why it failed, or undefined when it holds. The
 * body is never parsed here.
 *
 * @since 0.1.0
 * @category webhooks
 */
export const signatureProblem = (
  secret: string,
  rawBody: Uint8Array,
  header: string | undefined,
): string | undefined => {
  if (header === undefined || header === '') return 'missing X-Hub-Signature-256 header'
  if (!header.startsWith(PREFIX) || !/^[0-9a-f]{64}$/i.test(header.slice(PREFIX.length))) {
    return 'X-Hub-Signature-256 is not sha256=<64 hex digits>'
  }
  const expected = createHmac('sha256', secret).update(rawBody).digest()
  const given = Buffer.from(header.slice(PREFIX.length), 'hex')
  return timingSafeEqual(expected, given) ? undefined : 'signature does not match the body'
}
