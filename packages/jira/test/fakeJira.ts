import { readFileSync } from 'node:fs'
import { HttpResponse, http, type RequestHandler } from 'msw'
import { jiraTime } from '../src/index.js'

export const CLOUD = 'https://acme.atlassian.net'
export const DC = 'https://jira.acme.example'
export const EMAIL = 'dana-k@acme.example'
export const TOKEN = 'ATATT3xFfGF0-test-api-token'
export const PAT = 'NjQ3ODkxMjM0NTY3OkRhdGFDZW50ZXJUb2tlbg'
export const BASIC = `Basic ${Buffer.from(`${EMAIL}:${TOKEN}`).toString('base64')}`
export const BEARER = `Bearer ${PAT}`

type Json = Record<string, unknown>

export const fixtureText = (name: string): string =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')
export const fixture = <T = Json>(name: string): T => JSON.parse(fixtureText(name)) as T
export const fixtureBytes = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)))

/** The story's issues as Cloud's search gives them (pages 1 and 2), and as Data Center's does. */
export const cloudIssues = (): Json[] => [
  ...fixture<{ issues: Json[] }>('search-jql-page1.json').issues,
  ...fixture<{ issues: Json[] }>('search-jql-page2.json').issues,
]
export const dcIssues = (): Json[] => fixture<{ issues: Json[] }>('search-v2.json').issues

export interface FakeJiraOptions {
  readonly platform: 'cloud' | 'datacenter'
  /** Where it answers (default: the story's Cloud site or Data Center server). */
  readonly base?: string
  readonly issues: Json[]
  readonly statuses?: Json[]
  /** The whole changelog of an issue, by key, where it is longer than the inline one. */
  readonly changelogs?: Record<string, Json[]>
  /** The most histories one changelog page holds (Cloud's changelog endpoint). */
  readonly changelogCap?: number
  /** The most issues one Data Center search page holds, whatever maxResults asks. */
  readonly searchCap?: number
  /** The Authorization header every request must carry. */
  readonly authorization?: string
}

export interface FakeJira {
  readonly handlers: RequestHandler[]
  /** Each request's path and query, in order. */
  readonly requests: string[]
  readonly base: string
}

const HEADERS = {
  'x-arequestid': '7f3c1a2b-9d8e-4c6f-b5a4-3e2d1c0b9a87',
  'x-ratelimit-limit': '350',
  'x-ratelimit-remaining': '349',
  'x-ratelimit-nearlimit': 'false',
}

const json = (body: unknown, status = 200) =>
  HttpResponse.json(body as Json, {
    status,
    headers: { ...HEADERS, 'content-type': 'application/json;charset=UTF-8' },
  })

const wallTime = (time: string) => Date.parse(`${time.slice(0, 16)}:00Z`)

/** The `updated >= "yyyy-MM-dd HH:mm"` bound of a JQL query, as a UTC instant (the fixtures' zone). */
const updatedBound = (jql: string): number | undefined => {
  const match = /updated >= "(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})"/.exec(jql)
  return match === null ? undefined : Date.parse(`${match[1]}T${match[2]}:00Z`)
}

const fieldsOf = (issue: Json) => issue.fields as Json & { updated: string }
const changelogOf = (issue: Json) => issue.changelog as { histories: Json[] } | undefined

/**
 * A Jira serving issues from memory the way its REST API does: the status list, Cloud's
 * `search/jql` pages with `nextPageToken` or Data Center's `search` with `startAt` (both filtered
 * by the query's `updated >=` bound and ordered by `updated`), issues by key with their whole
 * changelog, and Cloud's changelog endpoint paged by `startAt`.
 */
export const fakeJira = (options: FakeJiraOptions): FakeJira => {
  const base = options.base ?? (options.platform === 'cloud' ? CLOUD : DC)
  const v = options.platform === 'cloud' ? '3' : '2'
  const statuses =
    options.statuses ?? fixture<Json[]>(options.platform === 'cloud' ? 'status-cloud.json' : 'status-dc.json')
  const requests: string[] = []
  const byKey = new Map(options.issues.map((issue) => [String(issue.key), issue]))
  const fullChangelog = (issue: Json): Json[] =>
    options.changelogs?.[String(issue.key)] ?? changelogOf(issue)?.histories ?? []
  const refused = (request: Request) =>
    options.authorization !== undefined && request.headers.get('authorization') !== options.authorization
      ? new HttpResponse(fixtureText('errors/401.json'), {
          status: 401,
          headers: {
            ...HEADERS,
            'content-type': 'application/json;charset=UTF-8',
            'www-authenticate': 'Basic realm="protected-area"',
          },
        })
      : undefined
  const log = (request: Request) => {
    const url = new URL(request.url)
    requests.push(`${url.pathname}${url.search}`)
    return url
  }
  const matching = (jql: string) => {
    const bound = updatedBound(jql)
    return options.issues
      .filter((issue) => bound === undefined || wallTime(fieldsOf(issue).updated) >= bound)
      .sort((a, b) => Date.parse(jiraTime(fieldsOf(a).updated)!) - Date.parse(jiraTime(fieldsOf(b).updated)!))
  }
  const handlers: RequestHandler[] = [
    http.get(`${base}/rest/api/${v}/status`, ({ request }) => {
      log(request)
      return refused(request) ?? json(statuses)
    }),
    http.get(`${base}/rest/api/3/search/jql`, ({ request }) => {
      const url = log(request)
      const denied = refused(request)
      if (denied !== undefined) return denied
      const size = Number(url.searchParams.get('maxResults') ?? '50')
      const token = url.searchParams.get('nextPageToken')
      const from = token === null ? 0 : Number(Buffer.from(token, 'base64').toString('utf8').split(':')[1])
      const all = matching(url.searchParams.get('jql') ?? '')
      const issues = all.slice(from, from + size)
      const last = from + size >= all.length
      return json({
        issues,
        ...(last ? {} : { nextPageToken: Buffer.from(`offset:${from + size}`).toString('base64') }),
        isLast: last,
      })
    }),
    http.get(`${base}/rest/api/2/search`, ({ request }) => {
      const url = log(request)
      const denied = refused(request)
      if (denied !== undefined) return denied
      const asked = Number(url.searchParams.get('maxResults') ?? '50')
      const size = Math.min(asked, options.searchCap ?? asked)
      const startAt = Number(url.searchParams.get('startAt') ?? '0')
      const all = matching(url.searchParams.get('jql') ?? '')
      return json({
        expand: 'schema,names',
        startAt,
        maxResults: size,
        total: all.length,
        issues: all.slice(startAt, startAt + size),
      })
    }),
    http.get(`${base}/rest/api/3/issue/:key/changelog`, ({ request, params }) => {
      const url = log(request)
      const denied = refused(request)
      if (denied !== undefined) return denied
      const issue = byKey.get(String(params.key))
      if (issue === undefined)
        return json(
          { errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} },
          404,
        )
      const histories = [...fullChangelog(issue)].sort((a, b) => Number(a.id) - Number(b.id))
      const startAt = Number(url.searchParams.get('startAt') ?? '0')
      const size = Math.min(Number(url.searchParams.get('maxResults') ?? '100'), options.changelogCap ?? 100)
      const values = histories.slice(startAt, startAt + size)
      return json({
        self: url.toString(),
        maxResults: size,
        startAt,
        total: histories.length,
        isLast: startAt + size >= histories.length,
        values,
      })
    }),
    http.get(`${base}/rest/api/${v}/issue/:key`, ({ request, params }) => {
      log(request)
      const denied = refused(request)
      if (denied !== undefined) return denied
      const issue = byKey.get(String(params.key))
      if (issue === undefined)
        return json(
          { errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} },
          404,
        )
      const histories = fullChangelog(issue)
      return json({
        ...issue,
        changelog: { startAt: 0, maxResults: histories.length, total: histories.length, histories },
      })
    }),
  ]
  return { handlers, requests, base }
}
