import {
  type Counter,
  type Histogram,
  type Meter,
  type ObservableGauge,
  type ObservableUpDownCounter,
  ValueType,
} from '@opentelemetry/api'
import { DURATION_BUCKETS, MetricNames } from './names.js'

/**
 * The instruments Herbie records into, made once per meter.
 *
 * @since 0.1.0
 * @category instruments
 */
export interface FlowInstruments {
  readonly stageDuration: Histogram
  readonly leadTime: Histogram
  readonly cycleTime: Histogram
  readonly itemsCompleted: Counter
  readonly deployments: Counter
  readonly leadTimeForChanges: Histogram
  readonly recoveryTime: Histogram
  readonly pipelineRunDuration: Histogram
  readonly wip: ObservableGauge
  readonly queue: ObservableGauge
  readonly oldestAge: ObservableGauge
  readonly flowEfficiency: ObservableGauge
  readonly constraint: ObservableGauge
  readonly constraintScore: ObservableGauge
  readonly changeFailureRate: ObservableGauge
  readonly changeCount: ObservableUpDownCounter
}

/**
 * Creates Herbie's instruments on a meter: durations as histograms in seconds with buckets from a
 * minute to four weeks, counts as counters, states (WIP, queues, the constraint) as gauges.
 *
 * @since 0.1.0
 * @category instruments
 */
export const createFlowInstruments = (meter: Meter): FlowInstruments => {
  const duration = (name: string, description: string) =>
    meter.createHistogram(name, {
      unit: 's',
      description,
      advice: { explicitBucketBoundaries: [...DURATION_BUCKETS] },
    })
  return {
    stageDuration: duration(MetricNames.stageDuration, 'Time an item spent in a stage (a finished stay).'),
    leadTime: duration(MetricNames.leadTime, 'From an item first appearing to it being done.'),
    cycleTime: duration(MetricNames.cycleTime, 'From the commitment point to done.'),
    itemsCompleted: meter.createCounter(MetricNames.itemsCompleted, {
      unit: '{item}',
      description: 'Items done (throughput).',
      valueType: ValueType.INT,
    }),
    deployments: meter.createCounter(MetricNames.deployments, {
      unit: '{deployment}',
      description: 'Finished deployments, by environment and outcome.',
      valueType: ValueType.INT,
    }),
    leadTimeForChanges: duration(
      MetricNames.leadTimeForChanges,
      'DORA lead time for changes: from first work on an item to its successful production deployment.',
    ),
    recoveryTime: duration(
      MetricNames.recoveryTime,
      'DORA failed deployment recovery time: from a failed production deployment to the next successful one.',
    ),
    pipelineRunDuration: duration(
      MetricNames.pipelineRunDuration,
      'Duration of a pipeline run, by pipeline, state (pending: queued; executing: running) and result.',
    ),
    wip: meter.createObservableGauge(MetricNames.wip, {
      unit: '{item}',
      description: 'Items in a stage now (work in progress).',
      valueType: ValueType.INT,
    }),
    queue: meter.createObservableGauge(MetricNames.queue, {
      unit: '{item}',
      description:
        'Items waiting in front of a stage now (queue stages and gaps between stages); zero for wait stages and done.',
      valueType: ValueType.INT,
    }),
    oldestAge: meter.createObservableGauge(MetricNames.oldestAge, {
      unit: 's',
      description: 'Age of the oldest item in a stage now (aging work in progress).',
    }),
    flowEfficiency: meter.createObservableGauge(MetricNames.flowEfficiency, {
      unit: '1',
      description: 'Time in work stages over lead time, summed over done items.',
    }),
    constraint: meter.createObservableGauge(MetricNames.constraint, {
      unit: '1',
      description: '1 for the stage that limits throughput, 0 for the other work stages.',
    }),
    constraintScore: meter.createObservableGauge(MetricNames.constraintScore, {
      unit: '1',
      description: "Each work stage's constraint score (load, wait share, queue growth).",
    }),
    changeFailureRate: meter.createObservableGauge(MetricNames.changeFailureRate, {
      unit: '1',
      description: 'DORA change failure rate: failed production deployments over finished ones.',
    }),
    changeCount: meter.createObservableUpDownCounter(MetricNames.changeCount, {
      unit: '{change}',
      description: 'Changes (pull or merge requests) by state: open, merged (done) or closed unmerged.',
      valueType: ValueType.INT,
    }),
  }
}
