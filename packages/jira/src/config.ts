import { Schema } from 'effect'
import { FlowKind } from './kinds.js'

const BaseUrl = Schema.String.pipe(
  Schema.pattern(/^https?:\/\/[^/\s]+(\/\S*)?$/, {
    message: () =>
      'baseUrl is the address of Jira: https://acme.atlassian.net (Cloud) or https://jira.example.com/jira (Data Center, with its context path)',
  }),
)

/**
 * The resolutions that end an issue as abandoned rather than done, by default (Jira's own
 * resolutions "Won't Do", "Won't Fix", "Duplicate", "Cannot Reproduce", "Declined").
 *
 * @since 0.1.0
 * @category config
 */
export const DEFAULT_ABANDON_RESOLUTIONS: ReadonlyArray<string> = [
  "Won't Do",
  "Won't Fix",
  'Duplicate',
  'Cannot Reproduce',
  'Declined',
]

/**
 * The Jira adapter's options. `baseUrl` is the site (Cloud) or the server with its context path
 * (Data Center); `jql` chooses the issues. With `email` and `token` (an API token) requests use
 * basic auth, as Jira Cloud wants; with `token` alone it is a Data Center personal access token,
 * sent as a bearer token. `platform` picks the REST API (Cloud's v3 with the enhanced search,
 * Data Center's v2); by default Cloud when an email is given or the host is `*.atlassian.net`.
 * See docs/jira.md.
 *
 * @since 0.1.0
 * @category config
 */
export const JiraConfig = Schema.Struct({
  baseUrl: BaseUrl,
  /** The issues to sync, as JQL (`project = PAY`); an `ORDER BY` is replaced by `updated ASC`. */
  jql: Schema.String.pipe(
    Schema.minLength(1, { message: () => 'jql names the issues to sync: project = PAY' }),
  ),
  platform: Schema.optional(Schema.Literal('cloud', 'datacenter')),
  email: Schema.optional(Schema.String.pipe(Schema.minLength(1))),
  token: Schema.optional(Schema.Redacted(Schema.String)),
  /** Status names to stages (`"In Review": "review"`); several statuses may name one stage. */
  statuses: Schema.optionalWith(
    Schema.Record({ key: Schema.String, value: Schema.String.pipe(Schema.minLength(1)) }),
    {
      default: () => ({}),
    },
  ),
  /**
   * Statuses in which an issue waits ("Ready for QA", "Blocked"): each is a stage of its own,
   * named after the status in lower-case words joined by `-` (`ready-for-qa`) unless `statuses`
   * names it; the value stream declares it with `"activity": "wait"`.
   */
  waitStatuses: Schema.optionalWith(Schema.Array(Schema.String.pipe(Schema.minLength(1))), {
    default: () => [],
  }),
  /** Resolutions that end an issue as abandoned, not done (case-insensitive). */
  abandonResolutions: Schema.optionalWith(Schema.Array(Schema.String), {
    default: () => DEFAULT_ABANDON_RESOLUTIONS,
  }),
  /** Issue type names to flow item kinds, over the defaults (see `DEFAULT_KINDS`). */
  kinds: Schema.optionalWith(Schema.Record({ key: Schema.String, value: FlowKind }), { default: () => ({}) }),
  /**
   * How Jira's Done counts: `tracker` (default) writes it as a done candidate
   * (`doneRule: 'tracker'`), which a deployment or merge of the same item may overrule; `status`
   * writes a plain done enter: the item is done at Jira's Done, always.
   */
  doneAt: Schema.optionalWith(Schema.Literal('tracker', 'status'), { default: () => 'tracker' as const }),
  /** Issues per search request. */
  pageSize: Schema.optionalWith(Schema.Number.pipe(Schema.int(), Schema.between(1, 100)), {
    default: () => 50,
  }),
  /** On the first sync, only issues updated at or after this instant. */
  since: Schema.optional(
    Schema.String.pipe(
      Schema.filter((since) => Number.isFinite(Date.parse(since)), {
        message: () => 'since is an ISO-8601 instant: 2026-03-01T00:00:00Z',
      }),
    ),
  ),
  /** The secret of a webhook Jira signs (`X-Hub-Signature: sha256=...`). */
  webhookSecret: Schema.optional(Schema.Redacted(Schema.String)),
  /** A shared token for webhooks Jira cannot sign: the password of `Authorization: Basic`, or a bearer token. */
  webhookToken: Schema.optional(Schema.Redacted(Schema.String)),
}).pipe(
  Schema.filter((config) =>
    config.email !== undefined && config.token === undefined
      ? { path: ['token'], message: 'email needs a token: set JIRA_TOKEN to an API token of that account' }
      : true,
  ),
)

/**
 * Decoded Jira options.
 *
 * @since 0.1.0
 * @category config
 */
export type JiraConfig = typeof JiraConfig.Type

/**
 * Which Jira a config talks to: `cloud` (REST v3, `search/jql` with `nextPageToken`) or
 * `datacenter` (REST v2, `search` with `startAt`).
 *
 * @since 0.1.0
 * @category config
 */
export type Platform = 'cloud' | 'datacenter'

/**
 * The platform of a config: the `platform` option, else Cloud when an email is given or the host
 * is an Atlassian site (`*.atlassian.net`), else Data Center.
 *
 * @since 0.1.0
 * @category config
 */
export const platformOf = (config: Pick<JiraConfig, 'platform' | 'email' | 'baseUrl'>): Platform =>
  config.platform ??
  (config.email !== undefined || new URL(config.baseUrl).hostname.endsWith('.atlassian.net')
    ? 'cloud'
    : 'datacenter')

/**
 * The REST API root of a platform, relative to the base URL (`rest/api/3`, `rest/api/2`).
 *
 * @since 0.1.0
 * @category config
 */
export const apiRoot = (platform: Platform): string => (platform === 'cloud' ? 'rest/api/3' : 'rest/api/2')
