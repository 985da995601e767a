import type { HttpSettings } from '@herbie/core'
import { type ArgoServer, argoHttpSettings } from '../settings.js'
import type { ArgocdConfig } from './config.js'

/**
 * Argo CD, for the words of its refusals.
 *
 * @since 0.1.0
 * @category http
 */
export const ARGOCD: ArgoServer = { source: 'argocd', product: 'Argo CD', tokenVariable: 'ARGOCD_TOKEN' }

/**
 * The HTTP settings for an Argo CD config: the server and the token as `Authorization: Bearer`.
 *
 * @since 0.1.0
 * @category http
 */
export const httpSettings = (config: ArgocdConfig, onNotice?: HttpSettings['onNotice']): HttpSettings =>
  argoHttpSettings(ARGOCD, config.baseUrl, config.token, onNotice)
