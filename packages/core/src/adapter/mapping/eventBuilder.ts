import type { DoneRule } from '../../event/doneRule.js'
import type { StageEventEncoded } from '../../event/StageEvent.js'
import type { EventContext } from './EventContext.js'

type Attributes = NonNullable<StageEventEncoded['attributes']>

/**
 * What an event may carry beyond its context: the outcome (on exits of CI and deploy stages) and
 * attributes of its own.
 *
 * @since 0.1.0
 * @category adapter mapping
 */
export type EventExtra = Partial<Pick<StageEventEncoded, 'outcome' | 'attributes'>>

/**
 * The event builders of one source, each giving deterministic ids
 * (`ITEM:[KEY PREFIX]KEY:TYPE`): the same fact always yields the same id.
 *
 * @since 0.1.0
 * @category adapter mapping
 */
export interface EventBuilder {
  /** The source written on every event (`github`, `gitlab`). */
  readonly source: string
  /** One stage event of a fact (`key`), with the context's links and attributes. */
  readonly stageEvent: (
    context: EventContext,
    key: string,
    stage: string,
    type: 'enter' | 'exit',
    at: string,
    extra?: EventExtra,
  ) => StageEventEncoded
  /**
   * A stay as an enter and, when it ended, an exit. `attributes` go on both, `exitAttributes` on
   * the exit only (how the stay ended: `abandoned`), `outcome` on the exit.
   */
  readonly stayEvents: (
    context: EventContext,
    key: string,
    stage: string,
    enter: string,
    exit: string | undefined,
    extra?: EventExtra & { readonly exitAttributes?: Attributes },
  ) => StageEventEncoded[]
  /**
   * A done candidate: the `done` enter of a fact (`KEY:done`) marked with its `doneRule`, which
   * the analysis resolves per repository (see `resolveDoneRules`).
   */
  readonly doneCandidate: (
    context: EventContext,
    key: string,
    stage: string,
    at: string,
    rule: DoneRule,
    attributes?: Attributes,
  ) => StageEventEncoded
}

/**
 * The event builders of a source.
 *
 * @since 0.1.0
 * @category adapter mapping
 */
export const makeEventBuilder = (source: string): EventBuilder => {
  const stageEvent: EventBuilder['stageEvent'] = (context, key, stage, type, at, extra = {}) => ({
    id: `${context.itemId}:${context.keyPrefix ?? ''}${key}:${type}`,
    itemId: context.itemId,
    stage,
    type,
    at,
    source,
    ...(extra.outcome === undefined ? {} : { outcome: extra.outcome }),
    ...(context.links.length === 0 ? {} : { links: context.links }),
    attributes: { ...context.attributes, ...extra.attributes },
  })
  const stayEvents: EventBuilder['stayEvents'] = (context, key, stage, enter, exit, extra = {}) => [
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
  const doneCandidate: EventBuilder['doneCandidate'] = (context, key, stage, at, rule, attributes = {}) =>
    stageEvent(context, `${key}:done`, stage, 'enter', at, { attributes: { ...attributes, doneRule: rule } })
  return { source, stageEvent, stayEvents, doneCandidate }
}
