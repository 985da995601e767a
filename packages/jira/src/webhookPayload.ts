import { Schema } from 'effect'
import { ChangeItem } from './api.js'

/**
 * The body of an issue webhook (`jira:issue_created`, `jira:issue_updated`, ...): the event name,
 * the issue (its key is what the adapter reads) and, on updates, the changelog entry of the
 * change (`id` and `items`, without a time). `timestamp` is epoch milliseconds (a string on old
 * servers).
 *
 * @since 0.1.0
 * @category webhooks
 */
export const WebhookPayload = Schema.Struct({
  webhookEvent: Schema.String,
  timestamp: Schema.optional(Schema.Union(Schema.Number, Schema.String)),
  issue_event_type_name: Schema.optional(Schema.String),
  issue: Schema.optional(Schema.Struct({ id: Schema.String, key: Schema.String })),
  changelog: Schema.optional(
    Schema.Struct({
      id: Schema.String,
      items: Schema.optionalWith(Schema.Array(ChangeItem), { default: () => [] }),
    }),
  ),
})

/**
 * A decoded issue webhook.
 *
 * @since 0.1.0
 * @category webhooks
 */
export type WebhookPayload = typeof WebhookPayload.Type
