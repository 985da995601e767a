import type { Application } from './api.js'
import type { ArgocdConfig } from './config.js'

/**
 * An application's environment by the config's rules, the first that gives one: its
 * `environmentLabel` label, the suffix after the last `-` of its name (lower-cased), or its
 * destination namespace; undefined when none does.
 *
 * @since 0.1.0
 * @category mapping
 */
export const environmentOf = (
  config: Pick<ArgocdConfig, 'environmentFrom' | 'environmentLabel'>,
  app: Pick<Application, 'metadata' | 'spec'>,
): string | undefined => {
  for (const source of config.environmentFrom) {
    const found =
      source === 'label'
        ? app.metadata.labels?.[config.environmentLabel]
        : source === 'name-suffix'
          ? /-([A-Za-z0-9]+)$/.exec(app.metadata.name)?.[1]?.toLowerCase()
          : app.spec.destination.namespace
    if (found !== undefined && found !== '') return found
  }
  return undefined
}

/**
 * Whether an environment is production by the `productionEnvironment` pattern.
 *
 * @since 0.1.0
 * @category mapping
 */
export const isProductionEnvironment = (
  config: Pick<ArgocdConfig, 'productionEnvironment'>,
  environment: string | undefined,
): boolean => environment !== undefined && new RegExp(config.productionEnvironment, 'i').test(environment)

/**
 * An application's key in event ids and the checkpoint: `NAMESPACE/NAME` (the namespace of the
 * Application resource, `argocd` in most installations), or its name when the namespace is not
 * given.
 *
 * @since 0.1.0
 * @category mapping
 */
export const appKey = (app: Pick<Application, 'metadata'>): string =>
  app.metadata.namespace === undefined ? app.metadata.name : `${app.metadata.namespace}/${app.metadata.name}`
