import type { HttpSettings } from '@herbie/core'
import { Redacted } from 'effect'
import type { JiraConfig } from './config.js'

/**
 * How a config authenticates: `basic` (email and API token, Jira Cloud), `bearer` (a Data Center
 * personal access token) or `anonymous`.
 *
 * @since 0.1.0
 * @category http
 */
export type JiraAuth = 'basic' | 'bearer' | 'anonymous'

/**
 * The auth a config uses: basic with an email and a token, bearer with a token alone.
 *
 * @since 0.1.0
 * @category http
 */
export const authOf = (config: Pick<JiraConfig, 'email' | 'token'>): JiraAuth =>
  config.token === undefined ? 'anonymous' : config.email === undefined ? 'bearer' : 'basic'

const HINTS: Record<JiraAuth, string> = {
  basic:
    'Jira refused the email and API token: check JIRA_EMAIL and JIRA_TOKEN (an API token made at https://id.atlassian.com/manage-profile/security/api-tokens for that account)',
  bearer:
    'Jira refused the personal access token: check JIRA_TOKEN (a Data Center personal access token, made under Profile > Personal Access Tokens; for Jira Cloud also set JIRA_EMAIL)',
  anonymous:
    'Jira wants credentials: set JIRA_EMAIL and JIRA_TOKEN (Jira Cloud) or JIRA_TOKEN alone (a Data Center personal access token)',
}

/** The first of Jira's `errorMessages`, or the text of a non-JSON body. */
const jiraMessage = (body: string): string | undefined => {
  try {
    const parsed: unknown = JSON.parse(body)
    if (
      typeof parsed === 'object' &&
      parsed !== null &&
      'errorMessages' in parsed &&
      Array.isArray(parsed.errorMessages)
    ) {
      const messages = parsed.errorMessages.filter(
        (message): message is string => typeof message === 'string',
      )
      return messages.length === 0 ? undefined : messages.join('; ')
    }
    return undefined
  } catch {
    // not JSON: Cloud answers some 401s with a bare sentence in text/html
    const text = body
      .replace(/<[^>]*>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
    return text === '' ? undefined : text.slice(0, 200)
  }
}

/**
 * What a Jira 401 or 403 means, in words: a 401 names the credentials that were refused (or
 * that none were set); a 403 with `X-Seraph-LoginReason: AUTHENTICATION_DENIED` is Jira asking
 * for a CAPTCHA after failed logins; any other 403 is a permission the user lacks (Browse
 * projects), with Jira's own message.
 *
 * @since 0.1.0
 * @category http
 */
export const describeRefusal =
  (config: Pick<JiraConfig, 'email' | 'token'>): NonNullable<HttpSettings['describeRefusal']> =>
  ({ status, headers, body }) => {
    const message = jiraMessage(body)
    const said = message === undefined ? '' : ` (Jira said: ${message})`
    if (status === 401) return `${HINTS[authOf(config)]}${said}`
    const reason = headers.get('x-seraph-loginreason') ?? ''
    if (/AUTHENTICATION_DENIED/.test(reason))
      return 'Jira asks for a CAPTCHA after failed logins (X-Seraph-LoginReason: AUTHENTICATION_DENIED): log in once in a browser, then check the credentials'
    if (/AUTHENTICATED_FAILED/.test(reason)) return `${HINTS[authOf(config)]}${said}`
    return `the ${config.email ?? 'token'} user lacks a permission for this (Browse projects on the projects of the JQL)${said}`
  }

/**
 * The HTTP settings for a config: the base URL, and the credentials as Jira wants them: the email
 * and API token as basic auth (`Authorization: Basic base64(email:token)`, Jira Cloud), a token
 * alone as a bearer token (a Data Center personal access token).
 *
 * @since 0.1.0
 * @category http
 */
export const httpSettings = (config: JiraConfig, onNotice?: HttpSettings['onNotice']): HttpSettings => ({
  source: 'jira',
  baseUrl: config.baseUrl,
  describeRefusal: describeRefusal(config),
  ...(config.token === undefined
    ? {}
    : config.email === undefined
      ? { auth: { token: config.token, scheme: 'Bearer' } }
      : {
          auth: {
            token: Redacted.make(
              Buffer.from(`${config.email}:${Redacted.value(config.token)}`, 'utf8').toString('base64'),
            ),
            scheme: 'Basic',
          },
        }),
  ...(onNotice === undefined ? {} : { onNotice }),
})
