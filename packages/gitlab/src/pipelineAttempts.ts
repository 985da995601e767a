import { type Outcome, type RunAttempt, worstOutcome } from '@herbie/core'
import type { Job, Pipeline } from './api.js'
import { gitlabTime, secondsBefore } from './time.js'

/**
 * How long a pipeline may stand idle (no job running or queued) and still be one attempt: a
 * job queued within this of the last one finishing continues the same stretch of work; one
 * queued later was held back (a manual gate played, a delayed job, a retry clicked) and starts a
 * new attempt.
 *
 * @since 0.1.0
 * @category mapping
 */
export const IDLE_GAP_MS = 30_000

const ACTIVE = new Set(['created', 'waiting_for_resource', 'preparing', 'pending', 'running', 'canceling'])

const outcomeOf = (job: Job): Outcome | undefined => {
  if (job.status === 'success') return 'success'
  if (job.status === 'failed') return job.allow_failure ? 'success' : 'failure'
  if (job.status === 'canceled') return 'cancelled'
  return undefined
}

interface Ran {
  readonly job: Job
  readonly queuedAt: string
  readonly start: string
  readonly end: string | undefined
  /** A later run of a job of the same name in the same pipeline (GitLab's retry). */
  readonly retry: boolean
}

/**
 * A pipeline's attempts: its jobs and those of its child and downstream pipelines, as stretches
 * of work. A job works from its start to its finish; it was queued `queued_duration` before its
 * start. Jobs chain into one attempt while each is queued before (or within {@link IDLE_GAP_MS}
 * of) the end of the work so far; a job queued after the pipeline stood idle (a manual job
 * played, a job retried by hand) starts the next attempt. So the time a manual gate holds the
 * pipeline is in no attempt: it is waiting. A job in `manual`, `scheduled` or `skipped` status
 * never ran and counts for nothing.
 *
 * Retried jobs (listed with `include_retried=true`, a second job of the same name) are rework:
 * an attempt that starts with one is marked `rework`. An attempt's outcome is the worst of the
 * last run of each of its jobs (a failed job allowed to fail is a success). The last attempt has
 * no end while the pipeline is still active (a job queued or running); a pipeline with no job
 * started yet is one queued attempt.
 *
 * @since 0.1.0
 * @category mapping
 */
export const pipelineAttempts = (pipeline: Pipeline, jobs: ReadonlyArray<Job>): RunAttempt[] => {
  const byId = [...jobs].sort((a, b) => a.id - b.id)
  const seen = new Set<string>()
  const ran: Ran[] = []
  for (const job of byId) {
    const retry = seen.has(job.name)
    seen.add(job.name)
    const start = job.started_at === null ? undefined : gitlabTime(job.started_at)
    if (start === undefined) continue
    const end = job.finished_at === null ? undefined : gitlabTime(job.finished_at)
    ran.push({
      job,
      start,
      end,
      queuedAt: job.queued_duration === null ? start : secondsBefore(start, job.queued_duration),
      retry,
    })
  }
  ran.sort((a, b) => Date.parse(a.queuedAt) - Date.parse(b.queuedAt) || a.job.id - b.job.id)
  const stretches: Ran[][] = []
  let until = Number.NEGATIVE_INFINITY
  for (const run of ran) {
    if (stretches.length === 0 || Date.parse(run.queuedAt) > until + IDLE_GAP_MS) {
      stretches.push([run])
      until = Number.NEGATIVE_INFINITY
    } else stretches.at(-1)!.push(run)
    until = Math.max(until, run.end === undefined ? Number.POSITIVE_INFINITY : Date.parse(run.end))
  }
  const active = ACTIVE.has(pipeline.status) || jobs.some((job) => ACTIVE.has(job.status))
  const attributes = {
    pipelineId: pipeline.id,
    trigger: pipeline.source ?? 'unknown',
    ref: pipeline.ref,
    ...(pipeline.name === undefined || pipeline.name === null ? {} : { pipeline: pipeline.name }),
  }
  if (stretches.length === 0) {
    return active
      ? [
          {
            runId: String(pipeline.id),
            attempt: 1,
            rework: false,
            attributes,
            queuedAt: gitlabTime(pipeline.created_at) ?? pipeline.created_at,
          },
        ]
      : []
  }
  return stretches.map((stretch, index) => {
    const last = index === stretches.length - 1
    const open = stretch.some((run) => run.end === undefined) || (last && active)
    const latestRuns = new Map(stretch.map((run) => [run.job.name, run.job]))
    const outcome = [...latestRuns.values()].reduce<Outcome | undefined>((worst, job) => {
      const own = outcomeOf(job)
      return own === undefined ? worst : worstOutcome(worst, own)
    }, undefined)
    const retried = stretch.filter((run) => run.retry).length
    const end = stretch.reduce<number>((latest, run) => Math.max(latest, Date.parse(run.end ?? run.start)), 0)
    return {
      runId: String(pipeline.id),
      attempt: index + 1,
      rework: stretch[0]!.retry,
      attributes: { ...attributes, ...(retried > 0 ? { retriedJobs: retried } : {}) },
      queuedAt:
        index === 0 ? (gitlabTime(pipeline.created_at) ?? stretch[0]!.queuedAt) : stretch[0]!.queuedAt,
      start: stretch.reduce(
        (first, run) => (Date.parse(run.start) < Date.parse(first) ? run.start : first),
        stretch[0]!.start,
      ),
      ...(open ? {} : { end: new Date(end).toISOString(), outcome: outcome ?? 'success' }),
    }
  })
}
