const PRODUCTION = /^prod(uction)?$/i

/**
 * The deployment environment an event concerns: its `environment` attribute, else the id of its
 * first `environment` link, else `production` when `attributes.production` is true.
 *
 * @since 0.1.0
 * @category events
 */
export const environmentOf = (event: Readonly<Record<string, unknown>>): string | undefined => {
  const attributes = event.attributes as Record<string, unknown> | undefined
  if (typeof attributes?.environment === 'string') return attributes.environment
  const links = event.links as ReadonlyArray<{ kind: string; id: string }> | undefined
  const link = links?.find((candidate) => candidate.kind === 'environment')
  if (link !== undefined) return link.id
  return attributes?.production === true ? 'production' : undefined
}

/**
 * Whether an event concerns production: `attributes.production` is true, or its environment
 * (attribute or link) is named `production` or `prod`.
 *
 * @since 0.1.0
 * @category events
 */
export const isProductionEvent = (event: Readonly<Record<string, unknown>>): boolean => {
  const attributes = event.attributes as Record<string, unknown> | undefined
  if (attributes?.production === true) return true
  if (typeof attributes?.environment === 'string' && PRODUCTION.test(attributes.environment)) return true
  const links = event.links as ReadonlyArray<{ kind: string; id: string }> | undefined
  return links?.some((link) => link.kind === 'environment' && PRODUCTION.test(link.id)) ?? false
}
