import { Schema } from 'effect'

/** Options of the Bitbucket Cloud adapter: repositories as WORKSPACE/REPO, an API token. */
export const BitbucketConfig = Schema.Struct({
  repositories: Schema.NonEmptyArray(
    Schema.String.pipe(
      Schema.pattern(/^[\w.-]+\/[\w.-]+$/, { message: () => 'a repository is written WORKSPACE/REPO' }),
    ),
  ),
  token: Schema.Redacted(Schema.String),
  baseUrl: Schema.optionalWith(Schema.String, { default: () => 'https://api.bitbucket.org/2.0' }),
  webhookSecret: Schema.optional(Schema.Redacted(Schema.String)),
})

/** Decoded options. */
export type BitbucketConfig = typeof BitbucketConfig.Type

/** What the adapter remembers: when the last sync of each repository began. */
export const BitbucketCheckpoint = Schema.Struct({
  repositories: Schema.Record({ key: Schema.String, value: Schema.String }),
})
