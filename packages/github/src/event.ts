import type { StageEventEncoded } from '@herbie/core'

/**
 * What every GitHub event shares: the item, the repository and the links for correlation.
 *
 * @since 0.1.0
 * @category mapping
 */
export interface EventContext {
  readonly itemId: string
  /**
   * Put before each fact key in event ids when several sources of facts share one item (the pull
   * requests that close one issue: `pr:87:`).
   */
  readonly keyPrefix?: string
  readonly links: NonNullable<StageEventEncoded['links']>
  readonly attributes: NonNullable<StageEventEncoded['attributes']>
}

/**
 * Builds one stage event with a deterministic id: the same fact always yields the same id.
 *
 * @since 0.1.0
 * @category mapping
 */
export const stageEvent = (
  context: EventContext,
  key: string,
  stage: string,
  type: 'enter' | 'exit',
  at: string,
  extra: Partial<Pick<StageEventEncoded, 'outcome' | 'attributes'>> = {},
): StageEventEncoded => ({
  id: `${context.itemId}:${context.keyPrefix ?? ''}${key}:${type}`,
  itemId: context.itemId,
  stage,
  type,
  at,
  source: 'github',
  ...(extra.outcome === undefined ? {} : { outcome: extra.outcome }),
  ...(context.links.length === 0 ? {} : { links: context.links }),
  attributes: { ...context.attributes, ...extra.attributes },
})

/**
 * A stay as an enter and, when it ended, an exit. `attributes` go on both, `exitAttributes` on
 * the exit only (how the stay ended: `abandoned`), `outcome` on the exit.
 *
 * @since 0.1.0
 * @category mapping
 */
export const stayEvents = (
  context: EventContext,
  key: string,
  stage: string,
  enter: string,
  exit: string | undefined,
  extra: Partial<Pick<StageEventEncoded, 'outcome' | 'attributes'>> & {
    readonly exitAttributes?: NonNullable<StageEventEncoded['attributes']>
  } = {},
): StageEventEncoded[] => [
  stageEvent(context, key, stage, 'enter', enter, {
    ...(extra.attributes === undefined ? {} : { attributes: extra.attributes }),
  }),
  ...(exit === undefined
    ? []
    : [
        stageEvent(context, key, stage, 'exit', exit, {
          ...(extra.outcome === undefined ? {} : { outcome: extra.outcome }),
          attributes: { ...extra.attributes, ...extra.exitAttributes },
        }),
      ]),
]
