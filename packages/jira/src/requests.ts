import {
  ConfigInvalid,
  decodeBody,
  getJson,
  type HttpError,
  type HttpSettings,
  type HttpTransport,
  paginateDecoded,
  unlessGone,
} from '@herbie/core'
import { Effect, type Either, Schema, Stream } from 'effect'
import { ChangelogPage, CloudSearchPage, DataCenterSearchPage, type History, Issue, Status } from './api.js'
import { apiRoot, type Platform } from './config.js'

/**
 * The issue fields the adapter asks for (`fields=`): Cloud's enhanced search returns only ids
 * without them.
 *
 * @since 0.1.0
 * @category backfill
 */
export const ISSUE_FIELDS = 'summary,status,issuetype,project,created,updated,resolution,issuelinks'

/** Histories per request of Cloud's changelog endpoint (its maximum). */
const CHANGELOG_PAGE = 100

const has = <K extends string>(body: unknown, key: K): body is Record<K, unknown> =>
  typeof body === 'object' && body !== null && key in body

const arrayLength = (body: unknown, key: string): number =>
  has(body, key) && Array.isArray(body[key]) ? body[key].length : 0

/**
 * Every status of the site with its category (`GET /rest/api/{3,2}/status`): the changelog names
 * statuses by id and name only.
 *
 * @since 0.1.0
 * @category backfill
 */
export const listStatuses = (
  settings: HttpSettings,
  platform: Platform,
): Effect.Effect<ReadonlyArray<Status>, HttpError, HttpTransport> => {
  const path = `${apiRoot(platform)}/status`
  return getJson(settings, path).pipe(
    Effect.flatMap((response) => decodeBody('jira', Schema.Array(Status), `GET ${path}`, response.body)),
  )
}

/**
 * The issues of a JQL query, a page at a time, each with its inline changelog
 * (`expand=changelog`). Cloud: `GET /rest/api/3/search/jql`, following `nextPageToken` until
 * `isLast`; Data Center: `GET /rest/api/2/search`, by `startAt` until `startAt + issues >= total`
 * (the server may return fewer than `maxResults`). A query Jira refuses (400: a field or
 * function that does not exist) fails with `ConfigInvalid` on `jql`, in Jira's words.
 *
 * @since 0.1.0
 * @category backfill
 */
export const searchPages = (
  settings: HttpSettings,
  platform: Platform,
  jql: string,
  pageSize: number,
): Stream.Stream<ReadonlyArray<Issue>, HttpError | ConfigInvalid, HttpTransport> => {
  const query = { jql, fields: ISSUE_FIELDS, expand: 'changelog', maxResults: String(pageSize) }
  const pages: Stream.Stream<ReadonlyArray<Issue>, HttpError, HttpTransport> = platform === 'cloud'
    ? paginateDecoded(
        settings,
        'rest/api/3/search/jql',
        query,
        {
          kind: 'cursor',
          param: 'nextPageToken',
          next: (body) =>
            has(body, 'isLast') && body.isLast === true
              ? undefined
              : has(body, 'nextPageToken') && typeof body.nextPageToken === 'string'
                ? body.nextPageToken
                : undefined,
        },
        CloudSearchPage,
      ).pipe(Stream.map((page) => page.issues))
    : paginateDecoded(
        settings,
        'rest/api/2/search',
        { ...query, startAt: '0' },
        {
          kind: 'offset',
          param: 'startAt',
          pageSize,
          count: (body) => arrayLength(body, 'issues'),
          isLast: (body) =>
            has(body, 'startAt') &&
            has(body, 'total') &&
            typeof body.startAt === 'number' &&
            typeof body.total === 'number' &&
            body.startAt + arrayLength(body, 'issues') >= body.total,
        },
        DataCenterSearchPage,
      ).pipe(Stream.map((page) => page.issues))
  return pages.pipe(
    Stream.catchTag(
      'RequestRejected',
      (error): Stream.Stream<never, HttpError | ConfigInvalid> =>
        Stream.fail(
          error.status === 400
            ? new ConfigInvalid({
                adapter: 'jira',
                field: 'jql',
                reason: `Jira refused the query: ${error.reason}`,
              })
            : error,
        ),
    ),
  )
}

/**
 * One issue with its fields and changelog (`GET /rest/api/{3,2}/issue/{key}?expand=changelog`),
 * or why not: `issue gone (404)` (deleted, moved, or no longer visible).
 *
 * @since 0.1.0
 * @category backfill
 */
export const getIssue = (
  settings: HttpSettings,
  platform: Platform,
  key: string,
): Effect.Effect<Either.Either<Issue, string>, HttpError, HttpTransport> => {
  const path = `${apiRoot(platform)}/issue/${encodeURIComponent(key)}`
  return unlessGone(
    getJson(settings, path, { fields: ISSUE_FIELDS, expand: 'changelog' }).pipe(
      Effect.flatMap((response) => decodeBody('jira', Issue, `GET ${path}`, response.body)),
    ),
    'issue gone',
  )
}

/**
 * Whether an issue's inline changelog holds all its histories (`total` not above what came).
 *
 * @since 0.1.0
 * @category backfill
 */
export const changelogComplete = (issue: Issue): boolean =>
  issue.changelog === undefined || (issue.changelog.total ?? 0) <= issue.changelog.histories.length

/**
 * Every history of an issue: the inline changelog when it is complete; else, on Cloud, the
 * changelog endpoint (`GET /rest/api/3/issue/{key}/changelog`, paged by `startAt` until
 * `isLast`), on Data Center the issue itself with `expand=changelog`. When that lookup finds the
 * issue gone, the inline histories are used and the reason is given (`issue changelog gone
 * (404)`), to be counted.
 *
 * @since 0.1.0
 * @category backfill
 */
export const fullHistories = (
  settings: HttpSettings,
  platform: Platform,
  issue: Issue,
): Effect.Effect<
  { readonly histories: ReadonlyArray<History>; readonly unjoined?: string },
  HttpError,
  HttpTransport
> => {
  const inline = issue.changelog?.histories ?? []
  if (changelogComplete(issue)) return Effect.succeed({ histories: inline })
  const key = encodeURIComponent(issue.key)
  const lookup: Effect.Effect<ReadonlyArray<History>, HttpError, HttpTransport> = platform === 'cloud'
    ? paginateDecoded(
        settings,
        `rest/api/3/issue/${key}/changelog`,
        { startAt: '0', maxResults: String(CHANGELOG_PAGE) },
        {
          kind: 'offset',
          param: 'startAt',
          pageSize: CHANGELOG_PAGE,
          count: (body) => arrayLength(body, 'values'),
          isLast: (body) => has(body, 'isLast') && body.isLast === true,
        },
        ChangelogPage,
      ).pipe(
        Stream.runCollect,
        Effect.map((pages) => [...pages].flatMap((page) => page.values)),
      )
    : getJson(settings, `rest/api/2/issue/${key}`, { fields: 'status', expand: 'changelog' }).pipe(
        Effect.flatMap((response) =>
          decodeBody(
            'jira',
            Schema.Struct({ changelog: Issue.fields.changelog }),
            `GET rest/api/2/issue/${key}`,
            response.body,
          ),
        ),
        Effect.map((found) => found.changelog?.histories ?? []),
      )
  return unlessGone(lookup, 'issue changelog gone').pipe(
    Effect.map((result) =>
      result._tag === 'Right' ? { histories: result.right } : { histories: inline, unjoined: result.left },
    ),
  )
}
