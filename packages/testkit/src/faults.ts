import { HttpResponse, http, type RequestHandler } from 'msw'

/**
 * A handler placed in front of the real ones that answers request number `at` (1-based) and every
 * later one with `status`, and lets the others through: how a test cuts a sync off at any page.
 * `count()` tells how many requests went by.
 *
 * @since 0.1.0
 * @category msw
 */
export const failFrom = (
  at: number,
  status = 401,
  body: object = { message: 'injected failure' },
): { readonly handler: RequestHandler; readonly count: () => number } => {
  let seen = 0
  const handler: RequestHandler = http.all('*', () => {
    seen++
    return seen >= at ? HttpResponse.json(body, { status }) : undefined
  })
  return { handler, count: () => seen }
}

/**
 * A handler that answers the first `times` requests to `url` with `status` (and headers, such as
 * `retry-after`), then lets them through: rate limits and 5xx bursts.
 *
 * @since 0.1.0
 * @category msw
 */
export const failFirst = (
  url: string,
  times: number,
  status: number,
  headers: Record<string, string> = {},
): RequestHandler => {
  let left = times
  return http.all(url, () => {
    if (left <= 0) return undefined
    left--
    return HttpResponse.json({ message: `injected ${status}` }, { status, headers })
  })
}

/**
 * Serves `pages` at `url` as a paginated listing with RFC 8288 `Link` headers (`?page=N`).
 *
 * @since 0.1.0
 * @category msw
 */
export const servePages = (url: string, pages: ReadonlyArray<unknown>): RequestHandler =>
  http.get(url, ({ request }) => {
    const page = Number(new URL(request.url).searchParams.get('page') ?? '1')
    const next = new URL(request.url)
    next.searchParams.set('page', String(page + 1))
    return HttpResponse.json(pages[page - 1] as object, {
      headers: page < pages.length ? { link: `<${next.toString()}>; rel="next"` } : {},
    })
  })

/**
 * Answers `url` with a body that is not what the API promises (or not JSON at all).
 *
 * @since 0.1.0
 * @category msw
 */
export const malformed = (url: string, body = '<html>not json</html>'): RequestHandler =>
  http.all(
    url,
    () => new HttpResponse(body, { status: 200, headers: { 'content-type': 'application/json' } }),
  )
