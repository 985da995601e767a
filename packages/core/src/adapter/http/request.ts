import { Clock, Data, Duration, Effect, Redacted, Schedule } from 'effect'
import {
  AuthFailed,
  type HttpError,
  MalformedPayload,
  NotFound,
  RateLimited,
  RequestRejected,
  Transient,
} from '../errors.js'
import { redact } from '../redact.js'
import { connectionFailure } from './connectionFailure.js'
import type { HttpSettings } from './HttpSettings.js'
import { HttpTransport } from './HttpTransport.js'
import { rateLimitWait } from './rateLimit.js'
import { notify } from './SyncProgress.js'

/**
 * A decoded JSON response: status, headers, the final URL and the parsed body.
 *
 * @since 0.1.0
 * @category adapter http
 */
export interface JsonResponse {
  readonly status: number
  readonly url: string
  readonly headers: Headers
  readonly body: unknown
}

/** A rate limit the request will sit out before trying again. */
class MustWait extends Data.TaggedError('MustWait')<{
  readonly url: string
  readonly waitMs: number
  readonly resetAt: Date
}> {}

const secretsOf = (settings: HttpSettings): string[] =>
  settings.auth === undefined ? [] : [Redacted.value(settings.auth.token)]

/**
 * Resolves a path against the base URL (absolute URLs, such as a `Link` header's, pass through)
 * and appends query parameters.
 *
 * @since 0.1.0
 * @category adapter http
 */
export const resolveUrl = (
  baseUrl: string,
  pathOrUrl: string,
  query: Readonly<Record<string, string>> = {},
): string => {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`
  const url = new URL(pathOrUrl.replace(/^\//, ''), base)
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value)
  return url.toString()
}

/** The scopes an OAuth 2.0 `insufficient_scope` answer names (RFC 6750: `WWW-Authenticate`, or the body). */
const insufficientScope = (headers: Headers, body: string): string[] | undefined => {
  const challenge = headers.get('www-authenticate') ?? ''
  if (/error="insufficient_scope"/.test(challenge))
    return (/scope="([^"]*)"/.exec(challenge)?.[1] ?? '').split(' ').filter((scope) => scope !== '')
  try {
    const parsed = JSON.parse(body) as { error?: unknown; scope?: unknown }
    if (parsed.error === 'insufficient_scope')
      return (typeof parsed.scope === 'string' ? parsed.scope : '').split(' ').filter((scope) => scope !== '')
  } catch {
    // not JSON: no OAuth error in the body
  }
  return undefined
}

const forbiddenReason = (headers: Headers, body: string): string => {
  const needed = headers.get('x-accepted-oauth-scopes')
  const granted = headers.get('x-oauth-scopes')
  if (needed !== null && needed !== '') {
    return `the token lacks a scope: this needs ${needed}; the token has ${granted === null || granted === '' ? 'none' : granted}`
  }
  const scopes = insufficientScope(headers, body)
  if (scopes !== undefined) {
    return `the token lacks a scope (insufficient_scope)${scopes.length === 0 ? '' : `: this needs ${scopes.join(' or ')}`}`
  }
  return 'forbidden: the credentials lack permission for this resource'
}

const messageOf = (body: string): string => {
  try {
    const parsed = JSON.parse(body) as { message?: unknown; errorMessages?: unknown; error?: unknown }
    const message =
      parsed.message ??
      parsed.error ??
      (Array.isArray(parsed.errorMessages) ? parsed.errorMessages.join('; ') : undefined)
    if (typeof message === 'string' && message !== '') return message
  } catch {
    // not JSON: fall through to the raw text
  }
  return body.slice(0, 200) || 'no details'
}

const once = (settings: HttpSettings, url: string) =>
  Effect.gen(function* () {
    const transport = yield* HttpTransport
    const secrets = secretsOf(settings)
    const shown = redact(url, secrets)
    const headers: Record<string, string> = { accept: 'application/json', ...settings.headers }
    if (settings.auth !== undefined) {
      const { header = 'authorization', scheme = 'Bearer', token } = settings.auth
      headers[header] = scheme === '' ? Redacted.value(token) : `${scheme} ${Redacted.value(token)}`
    }
    const timeoutMs = settings.timeoutMs ?? 30_000
    const response = yield* Effect.tryPromise({
      try: (signal) =>
        transport.fetch(url, { headers, signal: AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]) }),
      catch: (cause) => {
        const error = cause as Error
        const failure = connectionFailure(cause)
        if (failure !== undefined) {
          const host = redact(new URL(url).host, secrets)
          return new Transient({
            source: settings.source,
            url: shown,
            reason: `could not reach ${host}: ${failure}`,
            unreachable: host,
          })
        }
        const reason =
          error.name === 'TimeoutError'
            ? `timed out after ${timeoutMs / 1000} s`
            : `network error: ${error.message}`
        return new Transient({ source: settings.source, url: shown, reason: redact(reason, secrets) })
      },
    })
    const text = yield* Effect.tryPromise({
      try: () => response.text(),
      catch: (cause) =>
        new Transient({
          source: settings.source,
          url: shown,
          reason: redact(`body cut off: ${(cause as Error).message}`, secrets),
        }),
    })
    const status = response.status
    const now = yield* Clock.currentTimeMillis
    const waitMs = rateLimitWait(status, response.headers, now)
    if (waitMs !== undefined)
      return yield* new MustWait({ url: shown, waitMs, resetAt: new Date(now + waitMs) })
    const reason = () => redact(messageOf(text), secrets)
    if (status === 401 || status === 403) {
      const described = settings.describeRefusal?.({ status, headers: response.headers, body: text })
      return yield* new AuthFailed({
        source: settings.source,
        url: shown,
        status,
        reason:
          described !== undefined
            ? redact(described, secrets)
            : status === 401
              ? `bad credentials (${reason()})`
              : forbiddenReason(response.headers, text),
      })
    }
    if (status === 404) return yield* new NotFound({ source: settings.source, url: shown })
    if (status >= 500)
      return yield* new Transient({
        source: settings.source,
        url: shown,
        reason: `server error ${status}: ${reason()}`,
      })
    if (status >= 400)
      return yield* new RequestRejected({ source: settings.source, url: shown, status, reason: reason() })
    const body = yield* Effect.try({
      try: () => (text === '' ? null : (JSON.parse(text) as unknown)),
      catch: (cause) =>
        new MalformedPayload({
          source: settings.source,
          path: '',
          reason: `response is not JSON: ${(cause as Error).message}`,
        }),
    })
    return {
      status,
      url: response.url === '' ? url : response.url,
      headers: response.headers,
      body,
    } satisfies JsonResponse
  })

/**
 * GETs a JSON resource the way every adapter should: base URL and auth header from the settings,
 * a timeout, retries with exponential backoff and jitter on network errors, timeouts and 5xx only,
 * rate limits sat out (then the request goes on), typed errors for the rest, and the token
 * redacted from every message.
 *
 * @since 0.1.0
 * @category adapter http
 */
export const getJson = (
  settings: HttpSettings,
  pathOrUrl: string,
  query?: Readonly<Record<string, string>>,
): Effect.Effect<JsonResponse, HttpError, HttpTransport> => {
  const url = resolveUrl(settings.baseUrl, pathOrUrl, query)
  const maxWait = settings.maxRateLimitWaitMs ?? 15 * 60_000
  const backoff = Schedule.exponential(Duration.millis(settings.backoffMs ?? 500)).pipe(
    Schedule.jittered,
    Schedule.intersect(Schedule.recurs(settings.retries ?? 4)),
  )
  const patience = Schedule.identity<MustWait | HttpError>().pipe(
    Schedule.addDelay((error) => Duration.millis(error._tag === 'MustWait' ? error.waitMs : 0)),
    Schedule.intersect(Schedule.recurs(settings.rateLimitWaits ?? 5)),
  )
  return once(settings, url).pipe(
    Effect.tapError((error) =>
      error._tag === 'Transient'
        ? notify(settings, { kind: 'retry', url: error.url, reason: error.reason })
        : Effect.void,
    ),
    Effect.retry({ schedule: backoff, while: (error) => error._tag === 'Transient' }),
    Effect.tapError((error) =>
      error._tag === 'MustWait' && error.waitMs <= maxWait
        ? notify(settings, {
            kind: 'rate-limit-wait',
            url: error.url,
            waitMs: error.waitMs,
            resetAt: error.resetAt,
          })
        : Effect.void,
    ),
    Effect.retry({
      schedule: patience,
      while: (error) => error._tag === 'MustWait' && error.waitMs <= maxWait,
    }),
    Effect.catchTag('MustWait', (wait) =>
      Effect.fail(new RateLimited({ source: settings.source, url: wait.url, resetAt: wait.resetAt })),
    ),
  )
}
