import { createHash, timingSafeEqual } from 'node:crypto'

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest()

/**
 * Checks the shared secret of a notification: the Notification plugin sends the user info of its
 * endpoint URL (`https://herbie:SECRET@herbie.example/hooks/jenkins`) as
 * `Authorization: Basic base64(herbie:SECRET)`; the password must equal `secret`, compared in
 * constant time (over digests, so the length leaks nothing either). Returns why it failed, or
 * undefined when it holds. The body is never read here.
 *
 * @since 0.1.0
 * @category webhooks
 */
export const secretProblem = (secret: string, header: string | undefined): string | undefined => {
  if (header === undefined || header === '') {
    return 'missing Authorization header: put the secret in the endpoint URL, https://herbie:SECRET@host/...'
  }
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header)
  if (match === null) return 'Authorization is not Basic credentials'
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  if (colon < 0) return 'Authorization holds no user:secret pair'
  return timingSafeEqual(digest(decoded.slice(colon + 1)), digest(secret))
    ? undefined
    : 'the secret does not match'
}
