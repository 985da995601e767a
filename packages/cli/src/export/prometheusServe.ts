import { PrometheusExporter } from '@opentelemetry/exporter-prometheus'
import { Effect } from 'effect'
import { UsageError } from '../errors.js'
import { systemErrorText } from '../systemError.js'

/**
 * A Prometheus endpoint (`/metrics`) on a host and port, started before recording. `serve` keeps
 * it up until the process is told to stop (SIGINT or SIGTERM), then closes it.
 *
 * @since 0.1.0
 * @category export
 */
export const prometheusEndpoint = (host: string, port: number) =>
  Effect.gen(function* () {
    if (!Number.isInteger(port) || port < 1 || port > 65_535)
      return yield* new UsageError({ reason: `--prometheus ${port} is not a port (1 to 65535)` })
    const exporter = new PrometheusExporter({ host, port, preventServerStart: true })
    const serve = Effect.gen(function* () {
      yield* Effect.tryPromise({
        try: () => exporter.startServer(),
        catch: (cause) =>
          new UsageError({ reason: `cannot listen on ${host}:${port}: ${systemErrorText(cause)}` }),
      })
      const address = `http://${host.includes(':') ? `[${host}]` : host}:${port}/metrics`
      process.stderr.write(`serving metrics on ${address} (Ctrl-C to stop)\n`)
      yield* Effect.async<void>((resume) => {
        // The exporter's server does not hold the process open; this timer does, until a signal.
        const keepAlive = setInterval(() => {}, 1 << 30)
        const stop = () => {
          clearInterval(keepAlive)
          resume(Effect.void)
        }
        process.once('SIGINT', stop)
        process.once('SIGTERM', stop)
      })
      yield* Effect.promise(() => exporter.shutdown())
    })
    return { reader: exporter, serve }
  })
