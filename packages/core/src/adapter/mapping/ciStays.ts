import { Schema } from 'effect'
import { AttributeValue, Outcome, type StageEventEncoded } from '../../event/StageEvent.js'
import type { EventContext } from './EventContext.js'
import type { EventBuilder } from './eventBuilder.js'
import { type RunAttempt, worstOutcome } from './RunAttempt.js'

/**
 * How a source names its CI stays: its event builder, and the kind of run that keys a stay in
 * event ids (`run` gives `run:ID:ATTEMPT`, `pipeline` gives `pipeline:ID:ATTEMPT`).
 *
 * @since 0.1.0
 * @category adapter mapping
 */
export interface CiStayNaming {
  readonly events: EventBuilder
  readonly runKind: string
}

/**
 * The key of a CI stay in event ids: its first run attempt's, `KIND:ID:ATTEMPT`.
 *
 * @since 0.1.0
 * @category adapter mapping
 */
export const runKey = (runKind: string, runId: string, attempt: number): string =>
  `${runKind}:${runId}:${attempt}`

/**
 * A run attempt by its identity: the run's id and the attempt's number.
 *
 * @since 0.1.0
 * @category adapter mapping
 */
export const AttemptRef = Schema.Struct({ runId: Schema.String, attempt: Schema.Number })

/**
 * A CI stay entered and not yet left at the end of a sync (some attempt of it still runs), as a
 * checkpoint keeps it so that the next sync can finish it: its key and enter (already written),
 * what its finished attempts added up to, and the attempts still running.
 *
 * @since 0.1.0
 * @category adapter mapping
 */
export const OpenStay = Schema.Struct({
  key: Schema.String,
  enteredAt: Schema.String,
  attributes: Schema.Record({ key: Schema.String, value: AttributeValue }),
  /** The latest completion among the attempts of the stay that finished. */
  end: Schema.optionalWith(Schema.String, { exact: true }),
  /** The worst outcome among them. */
  outcome: Schema.optionalWith(Outcome, { exact: true }),
  /** How many run attempts the stay holds. */
  runs: Schema.Number,
  running: Schema.Array(AttemptRef),
})

/**
 * A decoded open stay.
 *
 * @since 0.1.0
 * @category adapter mapping
 */
export interface OpenStay extends Schema.Schema.Type<typeof OpenStay> {}

/**
 * An item's CI stays: the events to write, the stay still open (if any) and the attempts still
 * queued, which belong to no stay yet.
 *
 * @since 0.1.0
 * @category adapter mapping
 */
export interface CiStays {
  readonly events: StageEventEncoded[]
  readonly open: OpenStay | undefined
  readonly queued: ReadonlyArray<RunAttempt>
}

interface Group {
  key: string
  enteredAt: string
  attributes: OpenStay['attributes']
  carried: boolean
  end: string | undefined
  outcome: Outcome | undefined
  runs: number
  running: Array<{ runId: string; attempt: number }>
}

const endMs = (group: Group): number =>
  group.running.length > 0 ? Number.POSITIVE_INFINITY : Date.parse(group.end ?? group.enteredAt)

const later = (a: string | undefined, b: string | undefined) =>
  a === undefined || (b !== undefined && Date.parse(b) > Date.parse(a)) ? b : a

/** One stay out of two that overlap: the identity of the carried one, else of the first. */
const merge = (first: Group, second: Group): Group => {
  const identity = second.carried ? second : first
  return {
    key: identity.key,
    enteredAt: identity.enteredAt,
    attributes: identity.attributes,
    carried: identity.carried,
    end: later(first.end, second.end),
    outcome: second.outcome === undefined ? first.outcome : worstOutcome(first.outcome, second.outcome),
    runs: first.runs + second.runs,
    running: [...first.running, ...second.running],
  }
}

const single =
  (runKind: string) =>
  (attempt: RunAttempt & { readonly start: string }): Group => ({
    key: runKey(runKind, attempt.runId, attempt.attempt),
    enteredAt: attempt.start,
    attributes: {
      ...attempt.attributes,
      ...(attempt.queuedAt === undefined ? {} : { queuedAt: attempt.queuedAt }),
      ...(attempt.rework ? { rework: true } : {}),
    },
    carried: false,
    end: attempt.end,
    outcome: attempt.end === undefined ? undefined : (attempt.outcome ?? 'failure'),
    runs: 1,
    running: attempt.end === undefined ? [{ runId: attempt.runId, attempt: attempt.attempt }] : [],
  })

const isMember = (stay: OpenStay | undefined, attempt: RunAttempt) =>
  stay?.running.some((run) => run.runId === attempt.runId && run.attempt === attempt.attempt) === true

const hasStarted = (attempt: RunAttempt): attempt is RunAttempt & { readonly start: string } =>
  attempt.start !== undefined

/**
 * An item's CI stays, the union of its run attempts by overlap in time, whatever their commit:
 * attempts whose running spans overlap or touch form one stay, entering at the first start (the
 * queued time before it is a wait, kept in `queuedAt`) and leaving when the last one completes,
 * with the worst outcome (failure over cancelled over success) and the number of `runs`. A stay
 * is keyed by its first attempt (`KIND:ID:ATTEMPT`); one that starts with rework (a re-run) is
 * marked `rework`. While an attempt of the stay still runs, the stay is an enter only, and is
 * handed back as `open`.
 *
 * `carried` is the stay left open by the previous sync (its enter written then): the attempts it
 * was waiting for, fetched again, finish it, and attempts that overlap it join it under its key.
 * `attempts` holds only attempts no earlier sync wrote into a finished stay.
 *
 * @since 0.1.0
 * @category adapter mapping
 */
export const ciStays = (
  naming: CiStayNaming,
  context: EventContext,
  stage: string,
  attempts: ReadonlyArray<RunAttempt>,
  carried?: OpenStay,
): CiStays => {
  const { stageEvent } = naming.events
  const toGroup = single(naming.runKind)
  const started = attempts.filter(hasStarted)
  const members = started.filter((attempt) => isMember(carried, attempt))
  const seed: Group | undefined =
    carried === undefined
      ? undefined
      : members.map(toGroup).reduce<Group>((stay, member) => ({ ...merge(stay, member), runs: stay.runs }), {
          key: carried.key,
          enteredAt: carried.enteredAt,
          attributes: carried.attributes,
          carried: true,
          end: carried.end,
          outcome: carried.outcome,
          runs: carried.runs,
          running: [],
        })
  const candidates = [
    ...(seed === undefined ? [] : [seed]),
    ...started.filter((attempt) => !isMember(carried, attempt)).map(toGroup),
  ].sort(
    (a, b) =>
      Date.parse(a.enteredAt) - Date.parse(b.enteredAt) ||
      Number(b.carried) - Number(a.carried) ||
      a.key.localeCompare(b.key, 'en', { numeric: true }),
  )
  const groups: Group[] = []
  for (const candidate of candidates) {
    const last = groups.at(-1)
    if (last !== undefined && Date.parse(candidate.enteredAt) <= endMs(last))
      groups[groups.length - 1] = merge(last, candidate)
    else groups.push(candidate)
  }
  const events: StageEventEncoded[] = []
  let open: OpenStay | undefined
  for (const group of groups) {
    if (!group.carried) {
      events.push(
        stageEvent(context, group.key, stage, 'enter', group.enteredAt, { attributes: group.attributes }),
      )
    }
    if (group.running.length > 0) {
      open = {
        key: group.key,
        enteredAt: group.enteredAt,
        attributes: group.attributes,
        ...(group.end === undefined ? {} : { end: group.end }),
        ...(group.outcome === undefined ? {} : { outcome: group.outcome }),
        runs: group.runs,
        running: group.running,
      }
      continue
    }
    events.push(
      stageEvent(context, group.key, stage, 'exit', group.end ?? group.enteredAt, {
        outcome: group.outcome ?? 'failure',
        attributes: { ...group.attributes, runs: group.runs },
      }),
    )
  }
  return { events, open, queued: attempts.filter((attempt) => attempt.start === undefined) }
}
