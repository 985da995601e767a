import { Effect, Option, Stream } from 'effect'
import type { HttpError } from '../errors.js'
import type { HttpSettings } from './HttpSettings.js'
import type { HttpTransport } from './HttpTransport.js'
import { getJson, type JsonResponse, resolveUrl } from './request.js'
import { notify } from './SyncProgress.js'

/**
 * How a system hands out the next page:
 * - `link`: an RFC 8288 `Link` header with `rel="next"` (GitHub, GitLab keyset pagination);
 * - `next-page-header`: a header holding the next page number (GitLab's `X-Next-Page`), sent back
 *   as a query parameter;
 * - `cursor`: a token in the body (Jira's `nextPageToken`, Kubernetes-style `metadata.continue`);
 * - `body-url`: the full URL of the next page in the body (Bitbucket Cloud's `next`);
 * - `offset`: `startAt`-style offsets, until a page comes back short or, when `isLast` is given,
 *   until the body says so (`isLast`, `total`: Jira), however many items a page holds.
 *
 * @since 0.1.0
 * @category adapter http
 */
export type Pagination =
  | { readonly kind: 'link' }
  | { readonly kind: 'next-page-header'; readonly header?: string; readonly param?: string }
  | { readonly kind: 'cursor'; readonly param: string; readonly next: (body: unknown) => string | undefined }
  | { readonly kind: 'body-url'; readonly next: (body: unknown) => string | undefined }
  | {
      readonly kind: 'offset'
      readonly param: string
      readonly pageSize: number
      /** How many items a page holds (its array's length). */
      readonly count: (body: unknown) => number
      /**
       * Whether the body says it is the last page (`isLast`, `startAt + count >= total`); when given,
       * it alone decides (with an empty page), not the page's length.
       */
      readonly isLast?: (body: unknown) => boolean
    }

/**
 * The URL of the `rel="next"` entry of a `Link` header, if any.
 *
 * @since 0.1.0
 * @category adapter http
 */
export const nextLink = (header: string | null): string | undefined => {
  if (header === null) return undefined
  for (const part of header.split(',')) {
    const match = /<([^>]+)>\s*;(.*)/.exec(part.trim())
    if (match !== null && /\brel="?([^"]*\s)?next(\s[^"]*)?"?/.test(match[2]!)) return match[1]
  }
  return undefined
}

const nextUrl = (pagination: Pagination, response: JsonResponse, offset: number): string | undefined => {
  switch (pagination.kind) {
    case 'link':
      return nextLink(response.headers.get('link'))
    case 'next-page-header': {
      const page = response.headers.get(pagination.header ?? 'x-next-page')
      if (page === null || page === '') return undefined
      const url = new URL(response.url)
      url.searchParams.set(pagination.param ?? 'page', page)
      return url.toString()
    }
    case 'cursor': {
      const token = pagination.next(response.body)
      if (token === undefined || token === '') return undefined
      const url = new URL(response.url)
      url.searchParams.set(pagination.param, token)
      return url.toString()
    }
    case 'body-url': {
      const next = pagination.next(response.body)
      return next === undefined || next === '' ? undefined : next
    }
    case 'offset': {
      const count = pagination.count(response.body)
      // With isLast the body decides: a server may return fewer items than asked (Jira Data Center lowers maxResults).
      const last =
        pagination.isLast === undefined ? count < pagination.pageSize : pagination.isLast(response.body)
      if (count === 0 || last) return undefined
      const url = new URL(response.url)
      url.searchParams.set(pagination.param, String(offset + count))
      return url.toString()
    }
  }
}

/**
 * Every page of a listing, one response at a time, following the system's pagination. Each page
 * is fetched with {@link getJson}: retries, rate limits and typed errors included. The stream is
 * lazy: a consumer that stops early fetches no further page.
 *
 * @since 0.1.0
 * @category adapter http
 */
export const paginate = (
  settings: HttpSettings,
  path: string,
  query: Readonly<Record<string, string>>,
  pagination: Pagination,
): Stream.Stream<JsonResponse, HttpError, HttpTransport> =>
  Stream.paginateEffect({ url: resolveUrl(settings.baseUrl, path, query), offset: 0 }, (page) =>
    getJson(settings, page.url).pipe(
      Effect.tap((response) => notify(settings, { kind: 'page', url: response.url })),
      Effect.map((response) => {
        const next = nextUrl(pagination, response, page.offset)
        const count = pagination.kind === 'offset' ? pagination.count(response.body) : 0
        return [
          response,
          Option.map(Option.fromNullable(next), (url) => ({ url, offset: page.offset + count })),
        ] as const
      }),
    ),
  )
