import { MetricNames } from '@herbie/otel'
import {
  AggregationTemporality,
  InMemoryMetricExporter,
  MeterProvider,
  PeriodicExportingMetricReader,
} from '@opentelemetry/sdk-metrics'
import { describe, expect, it } from 'vitest'
import { recordTeam } from '../src/flowMetrics.js'

describe('example: flow metrics from code', () => {
  it('records every event and shows review as the constraint, with throughput equal to the analysis', async () => {
    const exporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE)
    const reader = new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: 3_600_000 })
    const provider = new MeterProvider({ readers: [reader] })
    const { recorded, report } = await recordTeam(provider.getMeter('test'))
    await reader.forceFlush()
    const metrics = exporter
      .getMetrics()
      .at(-1)!
      .scopeMetrics.flatMap((scope) => scope.metrics)
    const byName = (name: string) => metrics.find((metric) => metric.descriptor.name === name)!
    expect(recorded).toBe(report.input.events)
    expect(report.constraint.stage).toBe('review')
    const constraint = byName(MetricNames.constraint).dataPoints.find((point) => point.value === 1)!
    expect(constraint.attributes['herbie.stage']).toBe('review')
    expect(byName(MetricNames.itemsCompleted).dataPoints[0]!.value).toBe(report.items.completed)
    await provider.shutdown()
  })
})
