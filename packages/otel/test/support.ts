import {
  AggregationTemporality,
  type DataPoint,
  type Histogram,
  InMemoryMetricExporter,
  MeterProvider,
  type MetricData,
  PeriodicExportingMetricReader,
} from '@opentelemetry/sdk-metrics'
import { createFlowRecorder, type FlowRecorderOptions } from '../src/index.js'

export const T0 = Date.parse('2026-03-02T00:00:00Z')
export const hours = (h: number) => new Date(T0 + h * 3_600_000).toISOString()

/** One stage event `h` hours after T0. */
export const ev = (
  itemId: string,
  stage: string,
  type: 'enter' | 'exit',
  h: number,
  extra: Record<string, unknown> = {},
) => ({ id: `${itemId}/${stage}/${type}/${h}`, itemId, stage, type, at: hours(h), source: 'test', ...extra })

/** A recorder on a real SDK meter provider whose metrics are read back with the in-memory exporter. */
export const harness = (options: Omit<FlowRecorderOptions, 'meter'> = {}) => {
  const exporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE)
  const reader = new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: 3_600_000 })
  const provider = new MeterProvider({ readers: [reader] })
  const recorder = createFlowRecorder({ ...options, meter: provider.getMeter('herbie-test') })
  const collect = async (): Promise<MetricData[]> => {
    await reader.forceFlush()
    const last = exporter.getMetrics().at(-1)
    exporter.reset()
    return last?.scopeMetrics.flatMap((scope) => scope.metrics) ?? []
  }
  return { recorder, collect, shutdown: () => provider.shutdown() }
}

const matches = (point: DataPoint<unknown>, attributes: Record<string, unknown>) =>
  JSON.stringify(Object.entries(point.attributes).sort()) ===
  JSON.stringify(Object.entries(attributes).sort())

const pointOf = (metrics: MetricData[], name: string, attributes: Record<string, unknown>) => {
  const metric = metrics.find((candidate) => candidate.descriptor.name === name)
  return metric?.dataPoints.find((point) => matches(point as DataPoint<unknown>, attributes))
}

/** The count and sum of a histogram's points with exactly these attributes. */
export const histogram = (metrics: MetricData[], name: string, attributes: Record<string, unknown> = {}) => {
  const point = pointOf(metrics, name, attributes)
  const value = point?.value as Histogram | undefined
  return value === undefined ? undefined : { count: value.count, sum: value.sum }
}

/** The value of a counter's or gauge's point with exactly these attributes. */
export const value = (metrics: MetricData[], name: string, attributes: Record<string, unknown> = {}) =>
  pointOf(metrics, name, attributes)?.value as number | undefined

/** Every attribute set a metric was recorded with. */
export const attributeSets = (metrics: MetricData[], name: string) =>
  metrics
    .find((candidate) => candidate.descriptor.name === name)
    ?.dataPoints.map((point) => point.attributes) ?? []
