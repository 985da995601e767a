import type { HttpSettings } from '@herbie/core'
import type { GitlabConfig } from './config.js'

/**
 * The REST base of an instance: its URL with `/api/v4`, unless it already ends so.
 *
 * @since 0.1.0
 * @category http
 */
export const apiBase = (baseUrl: string): string => {
  const trimmed = baseUrl.replace(/\/+$/, '')
  return /\/api\/v4$/.test(trimmed) ? trimmed : `${trimmed}/api/v4`
}

/**
 * The HTTP settings for a config: the instance's `/api/v4`, and the token as `PRIVATE-TOKEN`
 * (personal, project and group access tokens) or as `Authorization: Bearer` (OAuth).
 *
 * @since 0.1.0
 * @category http
 */
export const httpSettings = (config: GitlabConfig, onNotice?: HttpSettings['onNotice']): HttpSettings => ({
  source: 'gitlab',
  baseUrl: apiBase(config.baseUrl),
  ...(config.token === undefined
    ? {}
    : {
        auth:
          config.auth === 'bearer'
            ? { token: config.token }
            : { token: config.token, header: 'private-token', scheme: '' },
      }),
  ...(onNotice === undefined ? {} : { onNotice }),
})
