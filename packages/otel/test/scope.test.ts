import { readFileSync } from 'node:fs'
import { metrics } from '@opentelemetry/api'
import {
  AggregationTemporality,
  InMemoryMetricExporter,
  MeterProvider,
  PeriodicExportingMetricReader,
} from '@opentelemetry/sdk-metrics'
import { afterAll, describe, expect, it } from 'vitest'
import { createFlowRecorder, INSTRUMENTATION_SCOPE } from '../src/index.js'
import { ev } from './support.js'

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  name: string
  version: string
}

describe('the instrumentation scope', () => {
  const exporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE)
  const reader = new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: 3_600_000 })
  const provider = new MeterProvider({ readers: [reader] })
  metrics.setGlobalMeterProvider(provider)
  afterAll(async () => {
    metrics.disable()
    await provider.shutdown()
  })

  it("is the package's name and version from its package.json", () => {
    expect(INSTRUMENTATION_SCOPE).toEqual({ name: pkg.name, version: pkg.version })
  })

  it('names the meter a recorder makes for itself', async () => {
    const recorder = createFlowRecorder()
    recorder.record(ev('A', 'develop', 'enter', 0))
    await reader.forceFlush()
    const scopes = exporter
      .getMetrics()
      .at(-1)!
      .scopeMetrics.map((scope) => scope.scope)
    expect(scopes).toEqual([{ name: '@herbie/otel', version: pkg.version, schemaUrl: undefined }])
    recorder.close()
  })
})
