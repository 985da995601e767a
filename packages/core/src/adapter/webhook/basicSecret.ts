import { sameSecret } from './sameSecret.js'

/**
 * Checks a shared secret sent as the password of HTTP basic credentials (`Authorization: Basic
 * base64(user:SECRET)`; the user does not matter): how Jenkins' Notification plugin sends the user
 * info of its endpoint URL, and Jira Data Center a webhook's basic authentication. Returns why it
 * failed, or undefined when it holds; `missingHint` follows the sentence for a missing header
 * (`: put the secret in the endpoint URL`). The body is never read here.
 *
 * @since 0.1.0
 * @category adapter webhooks
 */
export const basicSecretProblem = (
  secret: string,
  header: string | undefined,
  missingHint = '',
): string | undefined => {
  if (header === undefined || header === '') return `missing Authorization header${missingHint}`
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header)
  if (match === null) return 'Authorization is not Basic credentials'
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  if (colon < 0) return 'Authorization holds no user:secret pair'
  return sameSecret(secret, decoded.slice(colon + 1)) ? undefined : 'the secret does not match'
}
