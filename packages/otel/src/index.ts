/**
 * `@herbie/otel`: Herbie's flow metrics as OpenTelemetry instruments. It depends on
 * `@opentelemetry/api` only: the application brings the SDK and the exporter.
 *
 * @since 0.1.0
 */
export {
  createFlowRecorder,
  type FlowRecorder,
  type FlowRecorderOptions,
  type FlowSnapshot,
} from './FlowRecorder.js'
export { closeStay, type ItemState, newItem, openStay, type Stay } from './ItemState.js'
export { createFlowInstruments, type FlowInstruments } from './instruments.js'
export { AttributeNames, DURATION_BUCKETS, MetricNames } from './names.js'
export { INSTRUMENTATION_SCOPE } from './scope.js'
