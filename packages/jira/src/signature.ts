import { basicSecretProblem, hmacSignatureProblem, sameSecret } from '@herbie/core'

/**
 * Checks a delivery of a webhook Jira signs: `X-Hub-Signature: sha256=<hex>`, the HMAC-SHA256 of
 * the raw body keyed with the webhook's secret (core's `hmacSignatureProblem`). Returns why it
 * failed, or undefined when it holds. The body is never parsed here.
 *
 * @since 0.1.0
 * @category webhooks
 */
export const signatureProblem = (
  secret: string,
  rawBody: Uint8Array,
  header: string | undefined,
): string | undefined => hmacSignatureProblem('X-Hub-Signature', secret, rawBody, header)

/**
 * Checks the shared token of a webhook Jira does not sign: the password of `Authorization: Basic`
 * (the user info of the webhook's URL) or `Authorization: Bearer TOKEN` (an automation rule's
 * header), compared in constant time. Returns why it failed, or undefined when it holds.
 *
 * @since 0.1.0
 * @category webhooks
 */
export const tokenProblem = (token: string, header: string | undefined): string | undefined => {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')
  if (bearer !== null) return sameSecret(token, bearer[1]!) ? undefined : 'the token does not match'
  return basicSecretProblem(
    token,
    header,
    ': put the token in the webhook URL, https://herbie:TOKEN@host/..., or send Authorization: Bearer TOKEN',
  )
}
