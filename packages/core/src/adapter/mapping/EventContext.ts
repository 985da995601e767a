import { Schema } from 'effect'
import { AttributeValue, Link } from '../../event/StageEvent.js'

/**
 * What every event of one work item from one source shares: the item, the links for correlation
 * (`pr`, `issue`, `commit`...) and the attributes (repository, branch, author). As a schema it is
 * also how checkpoints keep an item's context between syncs.
 *
 * @since 0.1.0
 * @category adapter mapping
 */
export const EventContext = Schema.Struct({
  itemId: Schema.String,
  /**
   * Put before each fact key in event ids when several sources of facts share one item (the pull
   * requests that close one issue: `pr:87:`).
   */
  keyPrefix: Schema.optionalWith(Schema.String, { exact: true }),
  links: Schema.Array(Link),
  attributes: Schema.Record({ key: Schema.String, value: AttributeValue }),
})

/**
 * A decoded event context.
 *
 * @since 0.1.0
 * @category adapter mapping
 */
export interface EventContext extends Schema.Schema.Type<typeof EventContext> {}

/**
 * The identity of a context: its item and key prefix (several pull requests may share the item of
 * the issue they close).
 *
 * @since 0.1.0
 * @category adapter mapping
 */
export const contextKey = (context: Pick<EventContext, 'itemId' | 'keyPrefix'>): string =>
  `${context.itemId} ${context.keyPrefix ?? ''}`
