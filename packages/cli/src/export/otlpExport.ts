import { JsonMetricsSerializer, ProtobufMetricsSerializer } from '@opentelemetry/otlp-transformer'
import { type MeterProvider, MetricReader } from '@opentelemetry/sdk-metrics'
import { Data, Duration, Effect, Either, Schema } from 'effect'
import { systemErrorText } from '../systemError.js'

/**
 * An OTLP export the receiver did not take (unreachable, refused, timed out). Exit code 1.
 *
 * @since 0.1.0
 * @category export
 */
export class ExportFailed extends Data.TaggedError('ExportFailed')<{
  readonly url: string
  readonly reason: string
}> {
  override get message(): string {
    return `OTLP export to ${this.url} failed: ${this.reason}`
  }
}

/**
 * The OTLP/HTTP protocols: protobuf (the default of most receivers) and JSON.
 *
 * @since 0.1.0
 * @category export
 */
export type OtlpProtocol = 'http/protobuf' | 'http/json'

/** A reader the command collects from once, when everything is recorded. */
class OnceReader extends MetricReader {
  protected override onForceFlush(): Promise<void> {
    return Promise.resolve()
  }
  protected override onShutdown(): Promise<void> {
    return Promise.resolve()
  }
}

/**
 * The URL metrics are posted to: as given when it names a path, with `/v1/metrics` added to a
 * bare origin (`http://collector:4318`).
 *
 * @since 0.1.0
 * @category export
 */
export const metricsUrl = (url: string): string => {
  const parsed = new URL(url)
  if (parsed.pathname === '/' || parsed.pathname === '') parsed.pathname = '/v1/metrics'
  return parsed.toString()
}

/**
 * How hard a send tries: the wait before each retry (their count is the number of retries) and
 * the time one attempt may take.
 *
 * @since 0.1.0
 * @category export
 */
export interface OtlpRetries {
  readonly delaysMs: ReadonlyArray<number>
  readonly timeoutMs: number
}

/** Three retries after 0.5, 1 and 2 s, 10 s an attempt: a receiver that is down fails in seconds. */
const RETRIES: OtlpRetries = { delaysMs: [500, 1000, 2000], timeoutMs: 10_000 }

// Retryable answers per the OTLP/HTTP specification (429, 502, 503, 504), which may say when.
const RETRYABLE = new Set([429, 502, 503, 504])
const MAX_RETRY_AFTER_MS = 30_000

/** A network failure from `fetch` carries the system error as its cause. */
const FetchFailure = Schema.Struct({ cause: Schema.Struct({ code: Schema.String, message: Schema.String }) })

interface Attempt {
  readonly retry: boolean
  readonly reason: string
  readonly waitMs?: number
}

const networkReason = (cause: unknown, timeoutMs: number): string => {
  if (cause instanceof Error && cause.name === 'TimeoutError') return `timed out after ${timeoutMs / 1000} s`
  const failure = Schema.decodeUnknownEither(FetchFailure)(cause)
  if (Either.isRight(failure)) return systemErrorText(failure.right.cause)
  return cause instanceof Error ? cause.message : String(cause)
}

const retryAfterMs = (header: string | null): number | undefined => {
  if (header === null) return undefined
  const seconds = Number(header)
  if (Number.isFinite(seconds)) return Math.min(Math.max(0, seconds * 1000), MAX_RETRY_AFTER_MS)
  const at = Date.parse(header)
  return Number.isNaN(at) ? undefined : Math.min(Math.max(0, at - Date.now()), MAX_RETRY_AFTER_MS)
}

const seconds = (ms: number) => `${Number((ms / 1000).toFixed(1))} s`

/**
 * Where to post and how to sign in: `fetch` refuses a URL with credentials, so a
 * `http://user:password@host` URL becomes the URL without them and an `Authorization: Basic`
 * header (unless the headers already carry an authorization).
 */
const endpointOf = (
  target: string,
  headers: Readonly<Record<string, string>>,
): { readonly url: string; readonly headers: Readonly<Record<string, string>> } => {
  const parsed = new URL(target)
  if (parsed.username === '' && parsed.password === '') return { url: target, headers }
  const user = decodeURIComponent(parsed.username)
  const password = decodeURIComponent(parsed.password)
  parsed.username = ''
  parsed.password = ''
  const signed = Object.keys(headers).some((name) => name.toLowerCase() === 'authorization')
  return {
    url: parsed.toString(),
    headers: signed
      ? headers
      : { ...headers, authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` },
  }
}

/**
 * Makes the reader to register on the meter provider before recording, and `send`, which
 * collects once and posts the metrics over OTLP/HTTP, telling `progress` where it connects and
 * each retry (network errors, timeouts, 429 and 5xx gateway answers, after `Retry-After` when the
 * receiver gives one), and failing with {@link ExportFailed} when the receiver does not take them.
 *
 * @since 0.1.0
 * @category export
 */
export const otlpSender = (
  url: string,
  protocol: OtlpProtocol,
  headers: Readonly<Record<string, string>>,
  progress: (line: string) => void,
  retries: OtlpRetries = RETRIES,
) => {
  // `target` is what messages show (its password hidden when printed), `endpoint` what is posted to.
  const target = metricsUrl(url)
  const endpoint = endpointOf(target, headers)
  const reader = new OnceReader()
  const post = (body: Uint8Array) =>
    Effect.tryPromise({
      try: (signal) =>
        fetch(endpoint.url, {
          method: 'POST',
          headers: {
            ...endpoint.headers,
            'content-type': protocol === 'http/json' ? 'application/json' : 'application/x-protobuf',
          },
          body,
          signal: AbortSignal.any([signal, AbortSignal.timeout(retries.timeoutMs)]),
        }),
      catch: (cause): Attempt => ({ retry: true, reason: networkReason(cause, retries.timeoutMs) }),
    }).pipe(
      Effect.flatMap((response) =>
        Effect.promise(() => response.text()).pipe(
          Effect.flatMap((text) => {
            if (response.ok) return Effect.void
            const reason = `${response.status} ${response.statusText}${text === '' ? '' : `: ${text.slice(0, 200)}`}`
            const waitMs = retryAfterMs(response.headers.get('retry-after'))
            return Effect.fail<Attempt>({
              retry: RETRYABLE.has(response.status),
              reason,
              ...(waitMs === undefined ? {} : { waitMs }),
            })
          }),
        ),
      ),
    )
  const attempt = (body: Uint8Array, retry: number): Effect.Effect<void, ExportFailed> =>
    post(body).pipe(
      Effect.catchAll((failed) => {
        const delay = retries.delaysMs[retry]
        if (!failed.retry || delay === undefined)
          return Effect.fail(new ExportFailed({ url: target, reason: failed.reason }))
        const waitMs = failed.waitMs ?? delay
        progress(
          `retrying (${retry + 1} of ${retries.delaysMs.length}) in ${seconds(waitMs)}: ${failed.reason}`,
        )
        return Effect.sleep(Duration.millis(waitMs)).pipe(Effect.zipRight(attempt(body, retry + 1)))
      }),
    )
  const send = (provider: MeterProvider) =>
    Effect.gen(function* () {
      const { resourceMetrics } = yield* Effect.promise(() => reader.collect())
      const metrics = resourceMetrics.scopeMetrics.flatMap((scope) => scope.metrics)
      const points = metrics.reduce((count, metric) => count + metric.dataPoints.length, 0)
      const serializer = protocol === 'http/json' ? JsonMetricsSerializer : ProtobufMetricsSerializer
      const body = serializer.serializeRequest(resourceMetrics) ?? new Uint8Array()
      progress(`connecting to ${new URL(target).host} (OTLP/HTTP, ${protocol})`)
      yield* attempt(body, 0)
      yield* Effect.promise(() => provider.shutdown())
      return { url: target, metrics: metrics.length, points }
    })
  return { reader, send }
}
