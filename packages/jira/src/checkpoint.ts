import { Schema } from 'effect'

/**
 * What the next sync needs from the last: the newest `updated` of the issues synced, as Jira wrote
 * it (in the user's time zone, which JQL dates are read in). The mapping of an issue needs nothing
 * else: each sync reads the whole changelog of every issue it sees.
 *
 * @since 0.1.0
 * @category backfill
 */
export const JiraCheckpoint = Schema.Struct({
  updated: Schema.optional(Schema.String),
})

/**
 * A decoded Jira checkpoint.
 *
 * @since 0.1.0
 * @category backfill
 */
export type JiraCheckpoint = typeof JiraCheckpoint.Type
