import { AuthFailed, type HttpError } from '@herbie/core'

/**
 * A 403 `insufficient_scope` in GitLab's words: the token needs the `read_api` scope (or `api`).
 * Other errors pass unchanged.
 *
 * @since 0.1.0
 * @category http
 */
export const readApiHint = <E>(error: E | HttpError): E | HttpError =>
  error instanceof AuthFailed && error.status === 403 && error.reason.includes('insufficient_scope')
    ? new AuthFailed({
        source: error.source,
        url: error.url,
        status: error.status,
        reason:
          'the token needs the read_api scope (or api): give the personal, project or group access token read_api',
      })
    : error
