import { earliest, latest, type Outcome, type RunAttempt, worstOutcome } from '@herbie/core'
import type { Job, WorkflowRun } from './api.js'

/**
 * A conclusion as an outcome: success (also neutral and skipped), cancelled (also stale),
 * failure (failure, timed_out, startup_failure, action_required, none).
 *
 * @since 0.1.0
 * @category mapping
 */
export const runOutcome = (conclusion: string | null): Outcome => {
  if (conclusion === 'success' || conclusion === 'neutral' || conclusion === 'skipped') return 'success'
  if (conclusion === 'cancelled' || conclusion === 'stale') return 'cancelled'
  return 'failure'
}

const WAITING = new Set(['queued', 'waiting', 'pending', 'requested'])

/**
 * The attempts of a run, from the run and its jobs (listed with `filter=all`, so the jobs of
 * earlier attempts are there too, each with its `run_attempt`). The latest attempt takes its
 * status and conclusion from the run; an earlier one is complete, with the worst outcome of its
 * jobs. Each attempt after the first is a re-run: rework. An earlier attempt with no job listed is left out: nothing says when it ran.
 *
 * @since 0.1.0
 * @category mapping
 */
export const runAttempts = (run: WorkflowRun, jobs: ReadonlyArray<Job>): RunAttempt[] => {
  const attempts: RunAttempt[] = []
  for (let attempt = 1; attempt <= run.run_attempt; attempt++) {
    const own = jobs.filter((job) => (job.run_attempt ?? run.run_attempt) === attempt)
    const isLatest = attempt === run.run_attempt
    if (!isLatest && own.length === 0) continue
    const begun = own.filter((job) => !WAITING.has(job.status))
    const waiting = isLatest && (run.status === null || WAITING.has(run.status))
    const start = waiting
      ? undefined
      : (earliest(begun.map((job) => job.started_at)) ?? (isLatest ? run.run_started_at : undefined))
    const completed = !isLatest || run.status === 'completed'
    const end = completed
      ? (latest(own.map((job) => job.completed_at)) ?? (isLatest ? run.updated_at : start))
      : undefined
    const outcome = !completed
      ? undefined
      : isLatest
        ? runOutcome(run.conclusion)
        : own.reduce<Outcome | undefined>(
            (worst, job) => worstOutcome(worst, runOutcome(job.conclusion)),
            undefined,
          )
    const queuedAt =
      attempt === 1
        ? run.created_at
        : (earliest(own.map((job) => job.created_at)) ?? run.run_started_at ?? run.created_at)
    attempts.push({
      runId: String(run.id),
      attempt,
      rework: attempt > 1,
      attributes: { workflow: run.name ?? run.path, trigger: run.event, runId: run.id },
      queuedAt,
      ...(start === undefined ? {} : { start }),
      ...(end === undefined || start === undefined ? {} : { end }),
      ...(outcome === undefined || start === undefined ? {} : { outcome }),
    })
  }
  return attempts
}
