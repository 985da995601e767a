import { classifyStage, type Outcome, type StagePattern } from '@herbie/core'
import type { Build, RunDescription, Stage } from './api.js'

/**
 * A stretch of one build in one value-stream stage: work (running stages, or the whole build
 * when it has none) or `input` (an `input` step waiting for a person). Times are epoch
 * milliseconds; `end` is missing while the stretch still runs.
 *
 * @since 0.1.0
 * @category mapping
 */
export interface BuildSpan {
  readonly kind: 'work' | 'input'
  readonly stage: string
  readonly environment?: string
  /** The id of the first Pipeline stage in the span (`build` for a build without stages). */
  readonly key: string
  /** The Pipeline stages the span covers, by name. */
  readonly names: ReadonlyArray<string>
  readonly start: number
  readonly end?: number
  /** The worst outcome of its stages (of the build, without stages); set once it ended. */
  readonly outcome?: Outcome
}

const POST_ACTIONS = 'Declarative: Post Actions'
const SYNTHETIC = /^Declarative: /

/**
 * A build result as an outcome: SUCCESS is success; ABORTED and NOT_BUILT cancelled; FAILURE,
 * UNSTABLE (failed tests) and anything else failure. Undefined while it runs (`null`).
 *
 * @since 0.1.0
 * @category mapping
 */
export const resultOutcome = (result: string | null): Outcome | undefined => {
  if (result === null) return undefined
  if (result === 'SUCCESS') return 'success'
  if (result === 'ABORTED' || result === 'NOT_BUILT') return 'cancelled'
  return 'failure'
}

/** A wfapi stage status as an outcome; undefined while it runs or waits. */
const statusOutcome = (status: string): Outcome | undefined => {
  if (status === 'IN_PROGRESS' || status === 'PAUSED_PENDING_INPUT') return undefined
  if (status === 'SUCCESS') return 'success'
  if (status === 'ABORTED' || status === 'NOT_EXECUTED') return 'cancelled'
  return 'failure'
}

const SEVERITY: Record<Outcome, number> = { success: 0, cancelled: 1, failure: 2 }
const worse = (a: Outcome | undefined, b: Outcome | undefined): Outcome | undefined =>
  a === undefined ? b : b === undefined || SEVERITY[a] >= SEVERITY[b] ? a : b

interface Mutable {
  kind: 'work' | 'input'
  stage: string
  environment: string | undefined
  key: string
  names: string[]
  start: number
  end: number | undefined
  outcome: Outcome | undefined
}

const freeze = (span: Mutable): BuildSpan => ({
  kind: span.kind,
  stage: span.stage,
  ...(span.environment === undefined ? {} : { environment: span.environment }),
  key: span.key,
  names: span.names,
  start: span.start,
  ...(span.end === undefined ? {} : { end: span.end }),
  ...(span.end === undefined || span.outcome === undefined ? {} : { outcome: span.outcome }),
})

/**
 * The spans of one build, which together cover it from its start (`timestamp`: it left the
 * queue) to its end (`timestamp + duration`), or to now while it runs:
 * - without Pipeline stages (freestyle, or no `wfapi`), one work span in `fallback` (`ci`);
 * - with them, each stage owns the time from its start to the next stage's start (the first
 *   also the time before it: an agent being provisioned), and takes its value-stream stage from
 *   `patterns`; the synthetic `Declarative: ...` stages take the stage of the one before them
 *   (the first user stage's when they come first), and `Declarative: Post Actions` is left out
 *   (the build's last span ends where it begins); stages not executed are skipped.
 * - a stage that paused for input (`pauseDurationMillis`, or PAUSED_PENDING_INPUT now) waits:
 *   when it continues the value-stream stage before it (an approval stage after CI) the whole
 *   stage is an `input` span, a gate (its few milliseconds of bookkeeping included); else (a
 *   deploy stage with an `input` directive, which asks first) the pause is an `input` span from
 *   the stage's start and the rest is the stage's work. Either way the instants written while
 *   the build waits stay true once it goes on.
 * Consecutive work spans of one stage and environment are one span.
 *
 * @since 0.1.0
 * @category mapping
 */
export const buildSpans = (
  build: Pick<Build, 'timestamp' | 'duration' | 'building' | 'result'>,
  description: Pick<RunDescription, 'stages'> | undefined,
  patterns: ReadonlyArray<StagePattern>,
  fallback: string,
  inputStage: string,
): BuildSpan[] => {
  const start = build.timestamp
  const end = build.building ? undefined : build.timestamp + build.duration
  const executed = (description?.stages ?? [])
    .filter((stage) => stage.status !== 'NOT_EXECUTED')
    .sort((a, b) => a.startTimeMillis - b.startTimeMillis)
  const post = executed.find((stage) => stage.name === POST_ACTIONS)
  const body = executed.filter((stage) => stage.name !== POST_ACTIONS)
  const bodyEnd = post === undefined ? end : post.startTimeMillis
  if (body.length === 0) {
    return [
      freeze({
        kind: 'work',
        stage: fallback,
        environment: undefined,
        key: 'build',
        names: [],
        start,
        end,
        outcome: resultOutcome(build.result),
      }),
    ]
  }
  const firstUser = body.find((stage) => !SYNTHETIC.test(stage.name))
  const classes = body.map((stage) =>
    SYNTHETIC.test(stage.name) ? undefined : classifyStage(stage.name, patterns, fallback),
  )
  let inherited =
    firstUser === undefined ? { stage: fallback } : classifyStage(firstUser.name, patterns, fallback)
  const spans: Mutable[] = []
  const push = (
    kind: 'work' | 'input',
    stage: Stage,
    at: number,
    until: number | undefined,
    into: { readonly stage: string; readonly environment?: string },
  ) => {
    if (until !== undefined && until <= at) return
    const outcome = kind === 'work' ? statusOutcome(stage.status) : undefined
    const last = spans.at(-1)
    if (
      kind === 'work' &&
      last !== undefined &&
      last.kind === 'work' &&
      last.stage === into.stage &&
      last.environment === into.environment
    ) {
      if (!last.names.includes(stage.name)) last.names.push(stage.name)
      last.end = until
      last.outcome = worse(last.outcome, outcome)
      return
    }
    spans.push({
      kind,
      stage: kind === 'input' ? inputStage : into.stage,
      environment: kind === 'input' ? undefined : into.environment,
      key: kind === 'input' ? `${stage.id}:input` : stage.id,
      names: [stage.name],
      start: at,
      end: until,
      outcome,
    })
  }
  body.forEach((stage, index) => {
    const into = classes[index] ?? inherited
    inherited = into
    const owned = index === 0 ? start : Math.max(start, stage.startTimeMillis)
    const ownedEnd = index + 1 < body.length ? body[index + 1]!.startTimeMillis : bodyEnd
    const waits = stage.status === 'PAUSED_PENDING_INPUT' || stage.pauseDurationMillis > 0
    if (!waits) {
      push('work', stage, owned, ownedEnd, into)
      return
    }
    const last = spans.at(-1)
    const continues =
      last !== undefined &&
      last.kind === 'work' &&
      last.stage === into.stage &&
      last.environment === into.environment
    if (continues || ownedEnd === undefined) {
      push('input', stage, owned, ownedEnd, into)
      return
    }
    const resumed = owned + Math.min(stage.pauseDurationMillis, ownedEnd - owned)
    push('input', stage, owned, resumed, into)
    push('work', stage, resumed, ownedEnd, into)
  })
  return spans.map(freeze)
}
