import {
  ConsoleMetricExporter,
  MeterProvider,
  PeriodicExportingMetricReader,
} from '@opentelemetry/sdk-metrics'
import { recordTeam } from './flowMetrics.js'

// Your application owns the SDK: swap the console exporter for an OTLP or Prometheus one.
const reader = new PeriodicExportingMetricReader({
  exporter: new ConsoleMetricExporter(),
  exportIntervalMillis: 60_000,
})
const provider = new MeterProvider({ readers: [reader] })
const { recorded, report } = await recordTeam(provider.getMeter('flow-example'))
console.log(`recorded ${recorded} events; the constraint is ${report.constraint.stage}`)
await provider.shutdown()
