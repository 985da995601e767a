import type { HttpSettings } from '@herbie/core'
import type { GithubConfig } from './config.js'

/**
 * The HTTP settings for a config: base URL, token as `Authorization: Bearer`, GitHub's JSON media
 * type and API version.
 *
 * @since 0.1.0
 * @category http
 */
export const httpSettings = (config: GithubConfig, onNotice?: HttpSettings['onNotice']): HttpSettings => ({
  source: 'github',
  baseUrl: config.baseUrl,
  headers: { accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' },
  ...(config.token === undefined ? {} : { auth: { token: config.token } }),
  ...(onNotice === undefined ? {} : { onNotice }),
})
