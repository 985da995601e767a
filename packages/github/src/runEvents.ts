import type { Outcome, StageEventEncoded, StageMapping } from '@herbie/core'
import type { Job, WorkflowRun } from './api.js'
import { type EventContext, stayEvents } from './event.js'

/**
 * A run's conclusion as an outcome: success (also neutral and skipped), cancelled (also stale),
 * failure (failure, timed_out, startup_failure, action_required).
 *
 * @since 0.1.0
 * @category mapping
 */
export const runOutcome = (conclusion: string | null): Outcome => {
  if (conclusion === 'success' || conclusion === 'neutral' || conclusion === 'skipped') return 'success'
  if (conclusion === 'cancelled' || conclusion === 'stale') return 'cancelled'
  return 'failure'
}

const bound = (
  times: ReadonlyArray<string | null>,
  pick: (a: number, b: number) => number,
): string | undefined => {
  const values = times.filter((time): time is string => time !== null)
  return values.length === 0
    ? undefined
    : values.reduce((best, time) =>
        pick(Date.parse(time), Date.parse(best)) === Date.parse(time) ? time : best,
      )
}

/**
 * The key of a run attempt's CI stay in event ids (`run:ID:ATTEMPT`).
 *
 * @since 0.1.0
 * @category mapping
 */
export const runKey = (runId: number, attempt: number): string => `run:${runId}:${attempt}`

/**
 * A workflow run as a CI stay of the item it belongs to: from its first job's start (the time it
 * sat queued before that is a wait) to its last job's completion, with its outcome. A run still
 * in progress is an open stay; a run still queued has no event yet.
 *
 * @since 0.1.0
 * @category mapping
 */
export const runEvents = (
  context: EventContext,
  run: WorkflowRun,
  jobs: ReadonlyArray<Job>,
  stages: StageMapping,
): StageEventEncoded[] => {
  const started =
    bound(
      jobs.map((job) => job.started_at),
      Math.min,
    ) ??
    run.run_started_at ??
    undefined
  if (
    started === undefined ||
    run.status === 'queued' ||
    run.status === 'waiting' ||
    run.status === 'pending'
  )
    return []
  const completed =
    run.status === 'completed'
      ? (bound(
          jobs.map((job) => job.completed_at),
          Math.max,
        ) ?? run.updated_at)
      : undefined
  return stayEvents(context, runKey(run.id, run.run_attempt), stages['actions.run']!, started, completed, {
    ...(completed === undefined ? {} : { outcome: runOutcome(run.conclusion) }),
    attributes: {
      workflow: run.name ?? 'workflow',
      trigger: run.event,
      runId: run.id,
      queuedAt: run.created_at,
    },
  })
}
