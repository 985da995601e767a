import { sameSecret } from '@herbie/core'

/**
 * Checks GitLab's `X-Gitlab-Token` (the webhook's secret token, sent as is: GitLab does not sign
 * the body) against the configured one, in constant time whatever their lengths (core's
 * `sameSecret`). Returns why it failed, or undefined when it holds. The body is never read here.
 *
 * @since 0.1.0
 * @category webhooks
 */
export const tokenProblem = (expected: string, header: string | undefined): string | undefined => {
  if (header === undefined || header === '') return 'missing X-Gitlab-Token header'
  return sameSecret(expected, header) ? undefined : 'X-Gitlab-Token does not match'
}
