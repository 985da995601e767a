/**
 * Herbie core: the stage-event contract, value streams, timelines, flow metrics, constraint
 * detection, DORA keys and the value-stream simulator.
 *
 * @since 0.1.0
 */
export {
  CheckpointFailed,
  type CheckpointHost,
  CheckpointStore,
  fileCheckpointStore,
  hostCheckpointStore,
  memoryCheckpointStore,
} from './adapter/checkpoint/CheckpointStore.js'
export {
  type Adapter,
  type BackfillItem,
  type BackfillSummary,
  decodeConfig,
  defineAdapter,
  runBackfill,
  type StageMapping,
  type WebhookDelivery,
  WebhookRejected,
} from './adapter/defineAdapter.js'
export {
  type AdapterError,
  AuthFailed,
  ConfigInvalid,
  type HttpError,
  MalformedPayload,
  NotFound,
  RateLimited,
  RequestRejected,
  Transient,
} from './adapter/errors.js'
export { connectionFailure } from './adapter/http/connectionFailure.js'
export { decodeBody } from './adapter/http/decodeBody.js'
export { goneStatus, unlessGone } from './adapter/http/gone.js'
export type { HttpNotice, HttpSettings } from './adapter/http/HttpSettings.js'
export { FetchTransport, HttpTransport } from './adapter/http/HttpTransport.js'
export { nextLink, type Pagination, paginate } from './adapter/http/paginate.js'
export { collectPages, paginateDecoded } from './adapter/http/paginateDecoded.js'
export { rateLimitWait } from './adapter/http/rateLimit.js'
export { getJson, type JsonResponse, resolveUrl } from './adapter/http/request.js'
export { notify, SyncProgress } from './adapter/http/SyncProgress.js'
export { webhookJson } from './adapter/http/webhookBody.js'
export { itemsOf } from './adapter/itemsOf.js'
export {
  AttemptRef,
  type CiStayNaming,
  type CiStays,
  ciStays,
  OpenStay,
  runKey,
} from './adapter/mapping/ciStays.js'
export { CarriedStay, ciStaysByItem } from './adapter/mapping/ciStaysByItem.js'
export { contextKey, EventContext } from './adapter/mapping/EventContext.js'
export { type EventBuilder, type EventExtra, makeEventBuilder } from './adapter/mapping/eventBuilder.js'
export { issueKeys } from './adapter/mapping/issueKeys.js'
export { JoinEntry, type JoinIndex, makeJoinIndex } from './adapter/mapping/JoinIndex.js'
export { type RunAttempt, worstOutcome } from './adapter/mapping/RunAttempt.js'
export { parseRemote, type RemoteRepository } from './adapter/mapping/remote.js'
export { type ReviewMilestones, type ReviewStages, reviewStays } from './adapter/mapping/reviewStays.js'
export {
  classifyStage,
  RegexString,
  type StageClass,
  StagePattern,
} from './adapter/mapping/stagePatterns.js'
export { earliest, latest } from './adapter/mapping/time.js'
export { redact } from './adapter/redact.js'
export { type SyncHost, syncAdapter } from './adapter/syncAdapter.js'
export { addUnjoined, type UnjoinedCount, unjoinedSentence } from './adapter/unjoined.js'
export { basicSecretProblem } from './adapter/webhook/basicSecret.js'
export { hmacSignatureProblem } from './adapter/webhook/hmacSignature.js'
export { sameSecret } from './adapter/webhook/sameSecret.js'
export {
  type AnalysisSettings,
  type AnalyzeOptions,
  analyzeEventLog,
  analyzeLog,
  analyzeNdjson,
  keptAttributes,
} from './analysis/analyze.js'
export { InvalidEvents, InvalidWindow, SourceUnreadable } from './analysis/errors.js'
export type { FlowReport } from './analysis/FlowReport.js'
export { NoEvents } from './analysis/NoEvents.js'
export { type ReadEvents, type ReadOptions, readEventLog } from './analysis/readEventLog.js'
export { buildReport, type InputCounts, type ReportContext } from './analysis/report.js'
export { CHECK_METRICS, type CheckMetric, checkMetric, type MetricKind } from './check/CheckMetric.js'
export {
  checkThresholds,
  parseThreshold,
  type Threshold,
  type ThresholdResult,
  type ThresholdText,
} from './check/checkThresholds.js'
export { limitValue } from './check/limitValue.js'
export {
  type EvidenceTotals,
  evidenceOf,
  gatherEvidence,
  type StageEvidence,
} from './constraint/evidence.js'
export {
  type ConstraintReport,
  constraintScore,
  effectiveWaitShare,
  MIN_DONE_FOR_CONSTRAINT,
  type RankedStage,
  rankConstraint,
  SATURATED_BUSY_SHARE,
} from './constraint/rank.js'
export type { ConstraintChange, ConstraintPeriod } from './constraint/timeline/ConstraintTimeline.js'
export {
  type ChangePoint,
  type ChangePointOptions,
  changePoints,
} from './constraint/timeline/changePoints.js'
export {
  type DailyTotals,
  dailyTotals,
  dayCount,
  dayEnd,
  dayStart,
  type StageDays,
} from './constraint/timeline/dailyTotals.js'
export { daysWindow, periodEvidence } from './constraint/timeline/periodEvidence.js'
export {
  CHANGE_PENALTY_PER_SERIES,
  constraintTimeline,
  loadAndQueueSeries,
  MIN_PERIOD_DAYS,
} from './constraint/timeline/timeline.js'
export {
  type Correlated,
  type CorrelationSummary,
  foldedItems,
  type Member,
  type MemberEvents,
  type UnlinkedCount,
} from './correlate/Correlation.js'
export {
  CorrelationOptions,
  CorrelationRule,
  DEFAULT_ISSUE_KEY_PATTERN,
  defaultCorrelation,
} from './correlate/CorrelationOptions.js'
export { correlate, UNLINKED_REASONS } from './correlate/correlate.js'
export { explainItem, type ItemExplanation } from './correlate/explainItem.js'
export { type DoneRule, doneRuleOf, doneScopeOf, isAbandonedEvent } from './event/doneRule.js'
export { environmentOf, isProductionEvent } from './event/environment.js'
export { type FieldIssue, issueAt } from './event/issue.js'
export { stageEventJsonSchema } from './event/jsonSchema.js'
export {
  type ChunkSource,
  type EventSink,
  type InvalidLine,
  type ScanSummary,
  scanNdjson,
} from './event/ndjson.js'
export {
  AttributeValue,
  Link,
  LinkKind,
  Outcome,
  StageEvent,
  type StageEventEncoded,
  StageEventType,
} from './event/StageEvent.js'
export { fieldIssueOf } from './event/schemaIssue.js'
export { IsoTimestamp, parseTimestamp, TIMESTAMP_PATTERN } from './event/timestamp.js'
export { isStageEvent, validateEvent } from './event/validate.js'
export { ForecastImpossible } from './forecast/ForecastImpossible.js'
export { type Forecast, type ForecastOptions, forecastNdjson } from './forecast/forecast.js'
export { MAX_FORECAST_DAYS, MAX_TRIALS } from './forecast/limits.js'
export {
  forecastDays,
  forecastItems,
  type Likelihoods,
  type MonteCarloOptions,
} from './forecast/monteCarlo.js'
export { dailyThroughput, type ThroughputHistory } from './forecast/ThroughputHistory.js'
export { formatDuration, formatPercent } from './format/duration.js'
export { describeParseError, formatPath, type ParseProblem } from './format/parseIssue.js'
export { type EventLog, type EventLogBuilder, type ItemEvent, makeEventLog } from './ingest/EventLog.js'
export {
  type CollidingEvent,
  collisionWarning,
  type IdCollision,
  type IdCollisions,
} from './ingest/IdCollision.js'
export { type HintValue, type ItemHints, KEPT_ATTRIBUTES } from './ingest/ItemHints.js'
export { type InputSummary, inputWarnings, summarizeInput } from './ingest/inputWarnings.js'
export { type AgingItem, agingWip } from './metrics/aging.js'
export { type DoraBand, type DoraMetrics, doraBands, doraMetrics } from './metrics/dora.js'
export { type ItemMetrics, itemMetrics, workTime } from './metrics/items.js'
export { quantileSorted, type Summary, summarizeMillis } from './metrics/percentile.js'
export { type QueueStats, queueSlopePerDay, queueStats } from './metrics/queue.js'
export { type StageMetrics, stageMetrics } from './metrics/stages.js'
export { DAY_MS, overlap, type Window, windowDays, within } from './metrics/Window.js'
export { collectWaits, nextWorkStage, readyAt, type Wait } from './metrics/waits.js'
export {
  runSimulation,
  type SimObserver,
  type SimResult,
  type SimRunOptions,
  simulate,
  stageLoads,
} from './simulate/engine.js'
export {
  capacityPerDay,
  effectiveServers,
  nominalFlow,
  type StageFlow,
  speedOf,
} from './simulate/flow.js'
export { type MinHeap, makeHeap } from './simulate/heap.js'
export { type Distribution, meanOf, type Random, sample, seededRandom } from './simulate/random.js'
export type { SimArrivals, SimScenario, SimSpeedup, SimStage } from './simulate/scenario.js'
export {
  checkWorkBudget,
  estimateSteps,
  itemsPerDay,
  MAX_ITEMS_PER_RUN,
  MAX_SIMULATION_STEPS,
} from './simulate/workBudget.js'
export { type EventQuery, matchesQuery } from './store/EventQuery.js'
export { EventStore, type EventStoreShape, type UpsertCounts } from './store/EventStore.js'
export { makeEventStore } from './store/makeEventStore.js'
export { layerMemoryEventStore, makeMemoryEventStore } from './store/memoryEventStore.js'
export { StoreError, type StoreOperation } from './store/StoreError.js'
export { storeCheckpoints } from './store/storeCheckpoints.js'
export { multiSourceValueStream } from './stream/multiSourceValueStream.js'
export { indexStream, type StreamIndex } from './stream/StreamIndex.js'
export { Activity, defaultValueStream, StageDefinition, ValueStream } from './stream/ValueStream.js'
export { type DoneRuleSummary, type DoneRules, resolveDoneRules } from './timeline/doneRules.js'
export { type FoldOptions, foldTimelines, type Timelines } from './timeline/fold.js'
export { mergeStays } from './timeline/mergeStays.js'
export { type Interval, leadStartOf, type Timeline, type TimelineWarning } from './timeline/Timeline.js'
export { abandonment } from './upstream/abandonment.js'
export { failureDemand } from './upstream/failureDemand.js'
export { rework } from './upstream/rework.js'
export { timeToClarity } from './upstream/timeToClarity.js'
export { defaultUpstream, UpstreamOptions } from './upstream/UpstreamOptions.js'
export type {
  Abandonment,
  FailureDemand,
  Rework,
  TimeToClarity,
  UpstreamProblem,
  UpstreamReport,
} from './upstream/UpstreamReport.js'
export { upstreamSignals } from './upstream/upstream.js'
export { applyChanges, type ModelStage, parseScenario, type ScenarioChange } from './whatif/changes.js'
export { type Estimate, estimateOf, spreadOf } from './whatif/Estimate.js'
export { type FittedModel, fitModel } from './whatif/FittedModel.js'
export { type Overload, overloadOf } from './whatif/Overload.js'
export { OVERLOAD_GROWTH_SHARE, observedOverload } from './whatif/observedOverload.js'
export {
  type ReplicationOptions,
  type RunMeasures,
  replicate,
  runReplication,
  type ScenarioOutcome,
  type StageOutcome,
  summarizeReplications,
} from './whatif/replicate.js'
export { ScenarioInvalid } from './whatif/ScenarioInvalid.js'
export {
  type WhatIf,
  type WhatIfOptions,
  type WhatIfOutcome,
  whatIfNdjson,
} from './whatif/whatIf.js'
