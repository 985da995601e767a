import { Command, Options } from '@effect/cli'
import { createFlowRecorder, INSTRUMENTATION_SCOPE } from '@herbie/otel'
import { resourceFromAttributes } from '@opentelemetry/resources'
import { MeterProvider, type MetricReader } from '@opentelemetry/sdk-metrics'
import { Console, Effect, HashMap, Option } from 'effect'
import { analysisSettings } from '../config/analysisSettings.js'
import { UsageError } from '../errors.js'
import { type OtlpProtocol, otlpSender } from '../export/otlpExport.js'
import { prometheusEndpoint } from '../export/prometheusServe.js'
import { recordEvents } from '../export/recordEvents.js'
import { loadStream } from '../input/loadStream.js'
import { parseUrl } from '../input/parseUrl.js'
import { safeText } from '../output/safeText.js'
import { printWarnings } from '../output/warnings.js'
import { withEvents } from '../store/withEvents.js'
import { VERSION } from '../version.js'
import { config, correlate, defaultTo, from, skipInvalid, stream, text, to, verbose } from './options.js'
import { analyzeChunks } from './runAnalysis.js'
import { eventsOrStore, storeOption } from './storeOption.js'

const otlp = text(
  'otlp',
  'URL',
  'Send the metrics once over OTLP/HTTP to this URL (a bare origin gets /v1/metrics).',
).pipe(Options.optional)
const protocol = Options.choice('protocol', ['http/protobuf', 'http/json']).pipe(
  Options.withDescription('OTLP encoding.'),
  defaultTo('http/protobuf'),
)
const headers = Options.keyValueMap(Options.text('headers').pipe(Options.withPseudoName('KEY=VALUE'))).pipe(
  Options.withDescription('A header for the OTLP receiver (an API key); repeat for more.'),
  Options.optional,
)
const prometheus = Options.integer('prometheus').pipe(
  Options.withPseudoName('PORT'),
  Options.withDescription('Serve the metrics for Prometheus on this port until stopped (Ctrl-C).'),
  Options.optional,
)
const host = text('host', 'ADDRESS', 'Address the --prometheus endpoint listens on.').pipe(
  defaultTo('127.0.0.1'),
)

/**
 * `herbie export`: analyses a file of stage events (the event store without `--events`) and ships its flow metrics through
 * OpenTelemetry: once over OTLP/HTTP (`--otlp`), or on a Prometheus endpoint (`--prometheus`).
 *
 * @since 0.1.0
 * @category commands
 */
export const exportCommand = Command.make(
  'export',
  {
    events: eventsOrStore,
    store: storeOption,
    stream,
    from,
    to,
    skipInvalid,
    config,
    correlate,
    otlp,
    protocol,
    headers,
    prometheus,
    host,
    verbose,
  },
  (options) =>
    Effect.gen(function* () {
      if (Option.isSome(options.otlp) && Option.isSome(options.prometheus))
        return yield* new UsageError({ reason: 'only one of --otlp and --prometheus' })
      if (Option.isNone(options.otlp) && Option.isNone(options.prometheus))
        return yield* new UsageError({ reason: 'give one of --otlp URL or --prometheus PORT' })
      if (Option.isSome(options.otlp)) yield* parseUrl('--otlp', options.otlp.value)
      const valueStream = Option.isSome(options.stream) ? yield* loadStream(options.stream.value) : undefined
      const settings = yield* analysisSettings(options)
      const report = yield* withEvents(options, (chunks, sourceName) =>
        analyzeChunks({ ...options, settings }, chunks, sourceName, valueStream),
      )
      yield* printWarnings(report.warnings)
      const target = Option.isSome(options.otlp)
        ? {
            kind: 'otlp' as const,
            ...otlpSender(
              options.otlp.value,
              options.protocol as OtlpProtocol,
              Object.fromEntries(HashMap.toEntries(Option.getOrElse(options.headers, () => HashMap.empty()))),
              (line) => process.stderr.write(`${safeText(line)}\n`),
            ),
          }
        : {
            kind: 'prometheus' as const,
            ...(yield* prometheusEndpoint(options.host, Option.getOrThrow(options.prometheus))),
          }
      const provider = new MeterProvider({
        resource: resourceFromAttributes({ 'service.name': 'herbie', 'service.version': VERSION }),
        readers: [target.reader as MetricReader],
      })
      const recorder = createFlowRecorder({
        meter: provider.getMeter(INSTRUMENTATION_SCOPE.name, INSTRUMENTATION_SCOPE.version),
        ...(valueStream === undefined ? {} : { stream: valueStream }),
        now: () => Date.parse(report.window.to),
      })
      const recorded = yield* withEvents(options, (chunks, sourceName) =>
        recordEvents(chunks, sourceName, recorder),
      )
      recorder.recordSnapshot({ report })
      if (target.kind === 'otlp') {
        const sent = yield* target.send(provider)
        yield* Console.error(
          `sent ${sent.metrics} metrics (${sent.points} data points) from ${recorded} events to ${safeText(sent.url)}`,
        )
        return
      }
      yield* Console.error(`recorded ${recorded} events`)
      yield* target.serve
    }),
).pipe(
  Command.withDescription(
    'Ship the flow metrics of a file of stage events (or of the event store) through OpenTelemetry: OTLP/HTTP or a Prometheus endpoint.',
  ),
)
