import type { HttpSettings } from '@herbie/core'
import { Redacted } from 'effect'
import type { JenkinsConfig } from './config.js'

/** The sentence of a Jetty error page (`<title>Error 401 Invalid password/token for user: x</title>`). */
const pageMessage = (body: string): string | undefined => {
  const title = /<title>\s*(?:Error\s+\d{3}\s+)?([^<]*?)\s*<\/title>/i.exec(body)?.[1]
  return title === undefined || title === '' ? undefined : title
}

/**
 * What a Jenkins 401 or 403 means, in words: a 401 is a user and API token Jenkins refuses; a 403
 * for `X-You-Are-Authenticated-As: anonymous` means Jenkins saw no credentials (none were
 * configured, or a proxy in front of Jenkins dropped the `Authorization` header); any other 403
 * names the user and the permission Jenkins asked for (`X-Required-Permission`).
 *
 * @since 0.1.0
 * @category http
 */
export const describeRefusal =
  (config: Pick<JenkinsConfig, 'user' | 'token'>): NonNullable<HttpSettings['describeRefusal']> =>
  ({ status, headers, body }) => {
    const message = pageMessage(body)
    if (status === 401) {
      return `Jenkins refused the user and API token${message === undefined ? '' : ` (${message})`}: check the user and token options (JENKINS_USER, JENKINS_TOKEN); the token is made on the user's Security page in Jenkins`
    }
    const who = headers.get('x-you-are-authenticated-as')
    if (who === 'anonymous') {
      return config.user === undefined
        ? 'Jenkins does not let anonymous users read it (X-You-Are-Authenticated-As: anonymous): set the user and token options (JENKINS_USER, JENKINS_TOKEN)'
        : `Jenkins saw the request as anonymous although user ${config.user} and a token were sent: a proxy in front of Jenkins may drop the Authorization header`
    }
    const permission = headers.get('x-required-permission')
    return `user ${who ?? config.user ?? '(unknown)'} lacks a permission${permission === null ? '' : ` (Jenkins needs ${permission})`}${message === undefined ? '' : `: ${message}`}`
  }

/**
 * The HTTP settings for a config: the base URL with its path prefix, and the user and API token
 * as basic auth (`Authorization: Basic base64(user:token)`, which also exempts the requests from
 * Jenkins' CSRF crumb).
 *
 * @since 0.1.0
 * @category http
 */
export const httpSettings = (config: JenkinsConfig, onNotice?: HttpSettings['onNotice']): HttpSettings => ({
  source: 'jenkins',
  baseUrl: config.baseUrl,
  describeRefusal: describeRefusal(config),
  ...(config.user === undefined || config.token === undefined
    ? {}
    : {
        auth: {
          token: Redacted.make(
            Buffer.from(`${config.user}:${Redacted.value(config.token)}`, 'utf8').toString('base64'),
          ),
          scheme: 'Basic',
        },
      }),
  ...(onNotice === undefined ? {} : { onNotice }),
})
