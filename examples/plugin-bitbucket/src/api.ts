import { Schema } from 'effect'

/**
 * The fields of a Bitbucket Cloud pull request this adapter reads (REST 2.0).
 */
export const PullRequest = Schema.Struct({
  id: Schema.Number,
  title: Schema.String,
  state: Schema.Literal('OPEN', 'MERGED', 'DECLINED', 'SUPERSEDED'),
  created_on: Schema.String,
  updated_on: Schema.String,
  source: Schema.Struct({
    branch: Schema.Struct({ name: Schema.String }),
    commit: Schema.NullOr(Schema.Struct({ hash: Schema.String })),
  }),
  merge_commit: Schema.optionalWith(Schema.NullOr(Schema.Struct({ hash: Schema.String })), {
    default: () => null,
  }),
})

/** A decoded pull request. */
export type PullRequest = typeof PullRequest.Type

/** A page of a Bitbucket listing: `values`, and `next` (a full URL) while there are more. */
export const Page = <A, I>(item: Schema.Schema<A, I>) =>
  Schema.Struct({ values: Schema.Array(item), next: Schema.optional(Schema.String) })

/**
 * One entry of a pull request's activity log: an `update` (state changes, with `date`), an
 * `approval` or a `changes_requested` (with `date`), or something else (comments) that is ignored.
 */
export const Activity = Schema.Struct({
  update: Schema.optional(Schema.Struct({ state: Schema.String, date: Schema.String })),
  approval: Schema.optional(Schema.Struct({ date: Schema.String })),
  changes_requested: Schema.optional(Schema.Struct({ date: Schema.String })),
})

/** A decoded activity entry. */
export type Activity = typeof Activity.Type
