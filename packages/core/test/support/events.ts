import {
  type AnalysisSettings,
  analyzeLog,
  defaultValueStream,
  type EventLog,
  type FlowReport,
  indexStream,
  keptAttributes,
  makeEventLog,
  type StageEventEncoded,
  summarizeInput,
  type ValueStream,
  validateEvent,
} from '../../src/index.js'

export const T0 = Date.parse('2026-03-02T00:00:00Z')
export const HOUR = 3_600_000

/** An event `hours` after T0, with a deterministic id. */
export const ev = (
  itemId: string,
  stage: string,
  type: 'enter' | 'exit',
  hours: number,
  extra: Partial<StageEventEncoded> = {},
): StageEventEncoded => ({
  id: `${itemId}/${stage}/${type}/${hours}`,
  itemId,
  stage,
  type,
  at: new Date(T0 + hours * HOUR).toISOString(),
  source: 'test',
  ...extra,
})

/** A stay from `enter` to `exit` hours (exit omitted: still open). */
export const stay = (
  itemId: string,
  stage: string,
  enter: number,
  exit?: number,
  extra: Partial<StageEventEncoded> = {},
) =>
  exit === undefined
    ? [ev(itemId, stage, 'enter', enter)]
    : [ev(itemId, stage, 'enter', enter), ev(itemId, stage, 'exit', exit, extra)]

/** Reads events in memory (no NDJSON) into an event log; a bad fixture event throws. */
export const readLog = (
  events: ReadonlyArray<StageEventEncoded>,
  stream: ValueStream = defaultValueStream,
  kept?: ReadonlyArray<string>,
): EventLog => {
  const log = makeEventLog(indexStream(stream), kept)
  for (const event of events) {
    const at = validateEvent(event)
    if (typeof at !== 'number') throw new Error(`bad fixture event ${JSON.stringify(event)}: ${at.reason}`)
    const issue = log.add(event as unknown as Record<string, unknown>, at)
    if (issue !== undefined) throw new Error(issue.reason)
  }
  return log.build()
}

/** Analyses events in memory (no NDJSON), with an optional window in hours after T0. */
export const analyze = (
  events: ReadonlyArray<StageEventEncoded>,
  window?: { from: number; to: number },
  stream: ValueStream = defaultValueStream,
  settings: AnalysisSettings = {},
): FlowReport => {
  const built = readLog(events, stream, keptAttributes(settings))
  const span =
    window === undefined
      ? built.accepted === 0
        ? { from: 0, to: 0 }
        : { from: built.firstAt, to: built.lastAt }
      : { from: T0 + window.from * HOUR, to: T0 + window.to * HOUR }
  return analyzeLog(built, span, stream, summarizeInput(built, events.length, 0), settings)
}

export const stage = (report: FlowReport, name: string) => {
  const found = report.stages.find((entry) => entry.name === name)
  if (found === undefined) throw new Error(`no stage ${name}`)
  return found
}
