import type { HttpSettings } from '@herbie/core'
import { type ArgoServer, argoHttpSettings } from '../settings.js'
import type { ArgoWorkflowsConfig } from './config.js'

/**
 * The Argo Server of Argo Workflows, for the words of its refusals.
 *
 * @since 0.1.0
 * @category http
 */
export const ARGO_WORKFLOWS: ArgoServer = {
  source: 'argo-workflows',
  product: 'Argo Workflows',
  tokenVariable: 'ARGO_TOKEN',
}

/**
 * The HTTP settings for an Argo Workflows config: the server and the token as
 * `Authorization: Bearer`.
 *
 * @since 0.1.0
 * @category http
 */
export const httpSettings = (
  config: ArgoWorkflowsConfig,
  onNotice?: HttpSettings['onNotice'],
): HttpSettings => argoHttpSettings(ARGO_WORKFLOWS, config.baseUrl, config.token, onNotice)
