import type { Redacted } from 'effect'

/**
 * Something worth telling the user while a sync runs: a wait for a rate limit, a retry.
 *
 * @since 0.1.0
 * @category adapter http
 */
export type HttpNotice =
  | {
      readonly kind: 'rate-limit-wait'
      readonly url: string
      readonly waitMs: number
      readonly resetAt: Date
    }
  | { readonly kind: 'retry'; readonly url: string; readonly reason: string }
  | { readonly kind: 'page'; readonly url: string }

/**
 * How an adapter talks to one system: where, with which credentials, and how patiently.
 *
 * @since 0.1.0
 * @category adapter http
 */
export interface HttpSettings {
  /** The system's name in errors and notices (`github`). */
  readonly source: string
  /** Base URL that relative paths resolve against (`https://api.github.com`, a GHES `/api/v3`). */
  readonly baseUrl: string
  /** The credential and how it is sent: `Authorization: Bearer <token>` by default. */
  readonly auth?: {
    readonly token: Redacted.Redacted<string>
    readonly header?: string
    readonly scheme?: string
  }
  readonly headers?: Readonly<Record<string, string>>
  /** Per-request timeout (default 30 s). */
  readonly timeoutMs?: number
  /** Retries of transient failures: network errors, timeouts, 5xx (default 4). */
  readonly retries?: number
  /** First backoff delay; doubles each retry, with jitter (default 500 ms). */
  readonly backoffMs?: number
  /** The longest rate-limit wait to sit out before failing with RateLimited (default 15 min). */
  readonly maxRateLimitWaitMs?: number
  /** How many rate-limit waits one request may sit out (default 5). */
  readonly rateLimitWaits?: number
  /**
   * Says in words what a 401 or 403 (one that is no rate limit) means for this system, from its
   * headers and body (Jenkins: `X-You-Are-Authenticated-As: anonymous`); undefined leaves the
   * default reason. Its words are redacted like every other.
   */
  readonly describeRefusal?: (refusal: {
    readonly status: 401 | 403
    readonly headers: Headers
    readonly body: string
  }) => string | undefined
  /** Told about waits and retries, for progress output. */
  readonly onNotice?: (notice: HttpNotice) => void
}
