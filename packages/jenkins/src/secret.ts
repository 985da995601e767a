import { basicSecretProblem } from '@herbie/core'

/**
 * Checks the shared secret of a notification: the Notification plugin sends the user info of its
 * endpoint URL (`https://herbie:SECRET@herbie.example/hooks/jenkins`) as
 * `Authorization: Basic base64(herbie:SECRET)`; the password must equal `secret` (core's
 * `basicSecretProblem`, constant time). Returns why it failed, or undefined when it holds. The
 * body is never read here.
 *
 * @since 0.1.0
 * @category webhooks
 */
export const secretProblem = (secret: string, header: string | undefined): string | undefined =>
  basicSecretProblem(secret, header, ': put the secret in the endpoint URL, https://herbie:SECRET@host/...')
