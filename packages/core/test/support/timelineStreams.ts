import {
  CHANGE_PENALTY_PER_SERIES,
  type ChangePoint,
  changePoints,
  collectWaits,
  correlate,
  dailyTotals,
  foldTimelines,
  gatherEvidence,
  indexStream,
  loadAndQueueSeries,
  MIN_PERIOD_DAYS,
  type SimScenario,
  type StageEventEncoded,
  stageMetrics,
  type ValueStream,
} from '../../src/index.js'
import { readLog } from './events.js'

/** The value stream of a simulated scenario: each stage's named queue, then the stage; declared capacities when given. */
export const streamOf = (
  scenario: SimScenario,
  capacities: Readonly<Record<string, number>> = {},
): ValueStream => ({
  stages: [
    ...scenario.stages.flatMap((stage) => [
      ...(stage.queue === undefined ? [] : [{ name: stage.queue, activity: 'wait' as const }]),
      {
        name: stage.name,
        activity: 'work' as const,
        ...(capacities[stage.name] === undefined ? {} : { capacity: capacities[stage.name]! }),
      },
    ]),
    { name: 'done', activity: 'wait' as const },
  ] as unknown as ValueStream['stages'],
  commitment: scenario.stages[0]!.queue ?? scenario.stages[0]!.name,
  done: 'done',
})

/** The whole window's evidence and the daily totals of events, as the analysis computes them. */
export const totalsOf = (events: ReadonlyArray<StageEventEncoded>, stream: ValueStream) => {
  const log = readLog(events, stream)
  const window = { from: log.firstAt, to: log.lastAt }
  const index = indexStream(stream)
  const correlated = correlate(log)
  const { timelines } = foldTimelines(correlated.items, index, { parts: correlated.parts })
  const waits = collectWaits(timelines, index)
  const evidence = gatherEvidence(
    timelines,
    index,
    stageMetrics(timelines, index, waits, window),
    waits,
    window,
  )
  const totals = dailyTotals(
    timelines,
    waits,
    window,
    evidence.map((stage) => index.positionOf.get(stage.stage)!),
  )
  return { index, evidence, totals }
}

/** The change points the timeline searches for in events, with its own series and penalty. */
export const changesIn = (
  events: ReadonlyArray<StageEventEncoded>,
  stream: ValueStream,
): ReadonlyArray<ChangePoint> => {
  const { evidence, totals } = totalsOf(events, stream)
  const series = loadAndQueueSeries(totals, evidence)
  return changePoints(series, {
    minDays: MIN_PERIOD_DAYS,
    penalty: CHANGE_PENALTY_PER_SERIES * series.length,
  })
}
