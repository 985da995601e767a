import { createHmac, timingSafeEqual } from 'node:crypto'

const PREFIX = 'sha256='

/**
 * Checks a `sha256=<hex>` signature header: the HMAC-SHA256 of the raw body keyed with the
 * webhook's secret, in hex (the WebSub form GitHub sends as `X-Hub-Signature-256` and Jira as
 * `X-Hub-Signature`), compared in constant time. `name` is the header's name for the messages.
 * Returns why it failed, or undefined when it holds. The body is never parsed here.
 *
 * @since 0.1.0
 * @category adapter webhooks
 */
export const hmacSignatureProblem = (
  name: string,
  secret: string,
  rawBody: Uint8Array,
  header: string | undefined,
): string | undefined => {
  if (header === undefined || header === '') return `missing ${name} header`
  if (!header.startsWith(PREFIX) || !/^[0-9a-f]{64}$/i.test(header.slice(PREFIX.length))) {
    return `${name} is not sha256=<64 hex digits>`
  }
  const expected = createHmac('sha256', secret).update(rawBody).digest()
  const given = Buffer.from(header.slice(PREFIX.length), 'hex')
  return timingSafeEqual(expected, given) ? undefined : 'signature does not match the body'
}
