/**
 * When a response says the client is rate limited, how long to wait before the next try.
 * Understands `Retry-After` (seconds or an HTTP date: GitHub's secondary limit, GitLab, Jira),
 * `x-ratelimit-remaining: 0` with `x-ratelimit-reset` (GitHub's primary limit, epoch seconds),
 * `RateLimit-Reset` (GitLab, epoch seconds) and Jira's ISO-8601 `X-RateLimit-Reset`.
 * Returns `undefined` when the response is not a rate limit.
 *
 * @since 0.1.0
 * @category adapter http
 */
export const rateLimitWait = (status: number, headers: Headers, now: number): number | undefined => {
  const retryAfter = headers.get('retry-after')
  const exhausted = headers.get('x-ratelimit-remaining') === '0' || headers.get('ratelimit-remaining') === '0'
  if (status !== 429 && !(status === 403 && (retryAfter !== null || exhausted))) return undefined
  if (retryAfter !== null) {
    const seconds = Number(retryAfter)
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000)
    const date = Date.parse(retryAfter)
    if (Number.isFinite(date)) return Math.max(0, date - now)
  }
  const reset = headers.get('x-ratelimit-reset') ?? headers.get('ratelimit-reset')
  if (reset !== null) {
    const value = Number(reset)
    // Epoch seconds (GitHub, GitLab) are large; small numbers are seconds from now.
    if (Number.isFinite(value)) return Math.max(0, value > 1e9 ? value * 1000 - now : value * 1000)
    const date = Date.parse(reset)
    if (Number.isFinite(date)) return Math.max(0, date - now)
  }
  // A rate limit that does not say until when: a minute, as GitHub advises for secondary limits.
  return 60_000
}
