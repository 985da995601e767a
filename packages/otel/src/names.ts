import {
  ATTR_CICD_PIPELINE_NAME,
  ATTR_CICD_PIPELINE_RESULT,
  ATTR_CICD_PIPELINE_RUN_STATE,
  ATTR_DEPLOYMENT_ENVIRONMENT_NAME,
  ATTR_VCS_CHANGE_STATE,
  ATTR_VCS_REPOSITORY_NAME,
  METRIC_CICD_PIPELINE_RUN_DURATION,
  METRIC_VCS_CHANGE_COUNT,
} from '@opentelemetry/semantic-conventions/incubating'

/**
 * The metric names Herbie records. Those with an OpenTelemetry semantic convention take its name
 * (`cicd.pipeline.run.duration`, `vcs.change.count`); flow and DORA metrics, which have none,
 * live under `herbie.*`.
 *
 * @since 0.1.0
 * @category names
 */
export const MetricNames = {
  stageDuration: 'herbie.stage.duration',
  leadTime: 'herbie.item.lead_time',
  cycleTime: 'herbie.item.cycle_time',
  itemsCompleted: 'herbie.item.completed',
  wip: 'herbie.stage.wip',
  queue: 'herbie.stage.queue',
  oldestAge: 'herbie.stage.oldest_age',
  flowEfficiency: 'herbie.flow.efficiency',
  constraint: 'herbie.constraint',
  constraintScore: 'herbie.constraint.score',
  deployments: 'herbie.deployments',
  leadTimeForChanges: 'herbie.dora.lead_time_for_changes',
  changeFailureRate: 'herbie.dora.change_failure_rate',
  recoveryTime: 'herbie.dora.recovery_time',
  pipelineRunDuration: METRIC_CICD_PIPELINE_RUN_DURATION,
  changeCount: METRIC_VCS_CHANGE_COUNT,
} as const

/**
 * The attribute keys Herbie sets: the semantic conventions' where they exist
 * (`deployment.environment.name`, `cicd.pipeline.*`, `vcs.repository.name`), `herbie.*` otherwise.
 * None carries an item id: every attribute has a small, bounded set of values.
 *
 * @since 0.1.0
 * @category names
 */
export const AttributeNames = {
  stage: 'herbie.stage',
  activity: 'herbie.stage.activity',
  outcome: 'herbie.outcome',
  environment: ATTR_DEPLOYMENT_ENVIRONMENT_NAME,
  pipelineName: ATTR_CICD_PIPELINE_NAME,
  pipelineResult: ATTR_CICD_PIPELINE_RESULT,
  pipelineRunState: ATTR_CICD_PIPELINE_RUN_STATE,
  repository: ATTR_VCS_REPOSITORY_NAME,
  changeState: ATTR_VCS_CHANGE_STATE,
} as const

/**
 * Histogram bucket boundaries for delivery durations, in seconds: 1, 5, 15 and 30 minutes; 1, 2,
 * 4 and 8 hours; 1, 2 and 4 days; 1, 2 and 4 weeks.
 *
 * @since 0.1.0
 * @category names
 */
export const DURATION_BUCKETS: ReadonlyArray<number> = [
  60, 300, 900, 1800, 3600, 7200, 14_400, 28_800, 86_400, 172_800, 345_600, 604_800, 1_209_600, 2_419_200,
]
