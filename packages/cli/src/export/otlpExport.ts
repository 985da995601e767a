import { OTLPMetricExporter as JsonExporter } from '@opentelemetry/exporter-metrics-otlp-http'
import { OTLPMetricExporter as ProtobufExporter } from '@opentelemetry/exporter-metrics-otlp-proto'
import { type MeterProvider, MetricReader, type PushMetricExporter } from '@opentelemetry/sdk-metrics'
import { Data, Effect } from 'effect'

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
 * Makes the reader to register on the meter provider before recording, and `send`, which
 * collects once and posts the metrics over OTLP/HTTP, failing with {@link ExportFailed} when the
 * receiver does not take them.
 *
 * @since 0.1.0
 * @category export
 */
export const otlpSender = (
  url: string,
  protocol: OtlpProtocol,
  headers: Readonly<Record<string, string>>,
) => {
  const target = metricsUrl(url)
  const options = { url: target, headers: { ...headers }, timeoutMillis: 30_000 }
  const exporter: PushMetricExporter =
    protocol === 'http/json' ? new JsonExporter(options) : new ProtobufExporter(options)
  const reader = new OnceReader()
  const send = (provider: MeterProvider) =>
    Effect.gen(function* () {
      const { resourceMetrics } = yield* Effect.promise(() => reader.collect())
      const points = resourceMetrics.scopeMetrics.reduce(
        (sum, scope) => sum + scope.metrics.reduce((count, metric) => count + metric.dataPoints.length, 0),
        0,
      )
      yield* Effect.async<void, ExportFailed>((resume) => {
        exporter.export(resourceMetrics, (result) => {
          resume(
            result.code === 0
              ? Effect.void
              : Effect.fail(new ExportFailed({ url: target, reason: result.error?.message ?? 'refused' })),
          )
        })
      })
      yield* Effect.promise(() => provider.shutdown())
      yield* Effect.promise(() => exporter.shutdown())
      return { url: target, points }
    })
  return { reader, send }
}
