import { Schema } from 'effect'

/**
 * The JSON the Notification plugin (`jenkinsci/notification-plugin`) posts for a build phase:
 * Gson with `LOWER_CASE_WITH_UNDERSCORES` names, nulls left out (no `status` before COMPLETED).
 * `url`s are relative to Jenkins' root (`job/payments/job/main/311/`); `name` is the job's own
 * name, not its full name. `timestamp` is epoch milliseconds (plugin 1.x sent a string).
 * Phases: QUEUED, STARTED, COMPLETED, FINALIZED.
 *
 * @since 0.1.0
 * @category webhooks
 */
export const NotificationPayload = Schema.Struct({
  name: Schema.String,
  url: Schema.String,
  build: Schema.Struct({
    number: Schema.Number,
    phase: Schema.String,
    url: Schema.String,
    full_url: Schema.optional(Schema.String),
    queue_id: Schema.optional(Schema.Number),
    timestamp: Schema.optional(Schema.Union(Schema.Number, Schema.String)),
    duration: Schema.optional(Schema.Number),
    status: Schema.optional(Schema.String),
    scm: Schema.optional(
      Schema.Struct({
        url: Schema.optional(Schema.String),
        branch: Schema.optional(Schema.String),
        commit: Schema.optional(Schema.String),
      }),
    ),
  }),
})

/**
 * A decoded notification.
 *
 * @since 0.1.0
 * @category webhooks
 */
export type NotificationPayload = typeof NotificationPayload.Type
