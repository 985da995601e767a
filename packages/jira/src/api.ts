import { Schema } from 'effect'
import { jiraTime } from './time.js'

/**
 * A Jira timestamp (`2026-03-03T10:02:11.000+0000`, the offset of the user's time zone).
 *
 * @since 0.1.0
 * @category api
 */
export const JiraTimestamp = Schema.String.pipe(
  Schema.filter((time) => jiraTime(time) !== undefined || `not a Jira timestamp: ${JSON.stringify(time)}`),
)

/**
 * A status category (`StatusCategory`): `key` is `new`, `indeterminate`, `done` or `undefined`
 * (No Category); `id` a number (2, 4, 3, 1). Both are optional in Jira's description: a category
 * without a key maps its statuses as one without a category.
 *
 * @since 0.1.0
 * @category api
 */
export const StatusCategory = Schema.Struct({
  id: Schema.optional(Schema.Number),
  key: Schema.optional(Schema.String),
  name: Schema.optional(Schema.String),
})

/**
 * A status (`StatusDetails`): its id (a string), name and category. `GET /rest/api/{2,3}/status`
 * lists every status of the site.
 *
 * @since 0.1.0
 * @category api
 */
export const Status = Schema.Struct({
  id: Schema.String,
  name: Schema.String,
  statusCategory: Schema.optional(StatusCategory),
})

/**
 * A decoded status.
 *
 * @since 0.1.0
 * @category api
 */
export type Status = typeof Status.Type

/**
 * One changed field of a history (`ChangeDetails`). Status changes have `fieldId: "status"` (older
 * servers give only `field`), `from`/`to` status ids and `fromString`/`toString` names; all of it
 * may be null.
 *
 * @since 0.1.0
 * @category api
 */
export const ChangeItem = Schema.Struct({
  field: Schema.optional(Schema.NullOr(Schema.String)),
  fieldId: Schema.optional(Schema.NullOr(Schema.String)),
  from: Schema.optional(Schema.NullOr(Schema.String)),
  fromString: Schema.optional(Schema.NullOr(Schema.String)),
  to: Schema.optional(Schema.NullOr(Schema.String)),
  toString: Schema.optional(Schema.NullOr(Schema.String)),
})

/**
 * A decoded change item.
 *
 * @since 0.1.0
 * @category api
 */
export type ChangeItem = typeof ChangeItem.Type

/**
 * One entry of an issue's changelog (`Changelog`): what changed together, when. Ids are strings.
 *
 * @since 0.1.0
 * @category api
 */
export const History = Schema.Struct({
  id: Schema.String,
  created: JiraTimestamp,
  items: Schema.optionalWith(Schema.Array(ChangeItem), { default: () => [] }),
})

/**
 * A decoded history.
 *
 * @since 0.1.0
 * @category api
 */
export type History = typeof History.Type

/**
 * The changelog `expand=changelog` puts in an issue (`PageOfChangelogs`): at most `maxResults`
 * histories (100 on Cloud) of `total`.
 *
 * @since 0.1.0
 * @category api
 */
export const Changelog = Schema.Struct({
  startAt: Schema.optional(Schema.Number),
  maxResults: Schema.optional(Schema.Number),
  total: Schema.optional(Schema.Number),
  histories: Schema.optionalWith(Schema.Array(History), { default: () => [] }),
})

/**
 * A page of an issue's changelog on Cloud (`PageBeanChangelog`,
 * `GET /rest/api/3/issue/{key}/changelog`), oldest first.
 *
 * @since 0.1.0
 * @category api
 */
export const ChangelogPage = Schema.Struct({
  startAt: Schema.optional(Schema.Number),
  maxResults: Schema.optional(Schema.Number),
  total: Schema.optional(Schema.Number),
  isLast: Schema.optional(Schema.Boolean),
  values: Schema.optionalWith(Schema.Array(History), { default: () => [] }),
})

const IssueRef = Schema.Struct({ id: Schema.optional(Schema.String), key: Schema.optional(Schema.String) })

/**
 * A link between two issues (`IssueLink`): its type names both directions (`inward` "is caused
 * by", `outward` "causes"); the other issue is `inwardIssue` or `outwardIssue` (a link whose other
 * issue has no key links nothing; one without a type links the issue and names no cause).
 *
 * @since 0.1.0
 * @category api
 */
export const IssueLink = Schema.Struct({
  id: Schema.optional(Schema.String),
  // Cloud's description requires it; Data Center's models leave it optional.
  type: Schema.optional(
    Schema.Struct({
      name: Schema.optional(Schema.String),
      inward: Schema.optional(Schema.String),
      outward: Schema.optional(Schema.String),
    }),
  ),
  inwardIssue: Schema.optional(IssueRef),
  outwardIssue: Schema.optional(IssueRef),
})

/**
 * A decoded issue link.
 *
 * @since 0.1.0
 * @category api
 */
export type IssueLink = typeof IssueLink.Type

/**
 * The fields the adapter asks for (see `ISSUE_FIELDS`). Jira leaves a field out when it is not
 * on the issue's screens; `resolution` is null until the issue is resolved. Of the issue type,
 * project and resolution, whose names and keys Jira's description leaves optional, an event
 * carries what is there.
 *
 * @since 0.1.0
 * @category api
 */
export const IssueFields = Schema.Struct({
  summary: Schema.optional(Schema.NullOr(Schema.String)),
  status: Status,
  issuetype: Schema.optional(
    Schema.NullOr(
      Schema.Struct({ id: Schema.optional(Schema.String), name: Schema.optional(Schema.String) }),
    ),
  ),
  project: Schema.optional(
    Schema.NullOr(Schema.Struct({ id: Schema.optional(Schema.String), key: Schema.optional(Schema.String) })),
  ),
  created: JiraTimestamp,
  updated: JiraTimestamp,
  resolution: Schema.optional(
    Schema.NullOr(
      Schema.Struct({ id: Schema.optional(Schema.String), name: Schema.optional(Schema.String) }),
    ),
  ),
  issuelinks: Schema.optionalWith(Schema.Array(IssueLink), { default: () => [] }),
})

/**
 * An issue (`IssueBean`) with the fields the adapter reads and, with `expand=changelog`, its
 * changelog.
 *
 * @since 0.1.0
 * @category api
 */
export const Issue = Schema.Struct({
  id: Schema.String,
  key: Schema.String,
  fields: IssueFields,
  changelog: Schema.optional(Changelog),
})

/**
 * A decoded issue.
 *
 * @since 0.1.0
 * @category api
 */
export type Issue = typeof Issue.Type

/**
 * A page of Cloud's enhanced search (`SearchAndReconcileResults`, `GET /rest/api/3/search/jql`):
 * no `total`, no `startAt`; `nextPageToken` is absent on the last page, where `isLast` is true.
 *
 * @since 0.1.0
 * @category api
 */
export const CloudSearchPage = Schema.Struct({
  issues: Schema.optionalWith(Schema.Array(Issue), { default: () => [] }),
  nextPageToken: Schema.optional(Schema.NullOr(Schema.String)),
  isLast: Schema.optional(Schema.Boolean),
})

/**
 * A page of Data Center's search (`GET /rest/api/2/search`, `SearchResults`): `startAt`,
 * `maxResults` (which the server may lower) and `total`, all optional in the published schema
 * (without them the listing ends at an empty page).
 *
 * @since 0.1.0
 * @category api
 */
export const DataCenterSearchPage = Schema.Struct({
  startAt: Schema.optional(Schema.Number),
  maxResults: Schema.optional(Schema.Number),
  total: Schema.optional(Schema.Number),
  issues: Schema.optionalWith(Schema.Array(Issue), { default: () => [] }),
})
