import type { Outcome } from '../../event/StageEvent.js'

/**
 * One attempt of a CI run (a workflow run attempt, a stretch of a pipeline's jobs) as a span of
 * CI work: from its first job's start to its last job's completion. `start` is missing while the
 * attempt is still queued, `end` and `outcome` while it runs.
 *
 * @since 0.1.0
 * @category adapter mapping
 */
export interface RunAttempt {
  /** The run's id at the source (a workflow run, a pipeline), as a string. */
  readonly runId: string
  /** Which attempt of the run, from 1. */
  readonly attempt: number
  /** Whether the attempt does earlier work again (a re-run, a retried job): its stay is rework. */
  readonly rework: boolean
  /** What a stay that starts with this attempt carries (workflow, trigger, run id...). */
  readonly attributes: Readonly<Record<string, string | number | boolean>>
  /** When the attempt was queued; absent when the source does not say (never guessed). */
  readonly queuedAt?: string
  readonly start?: string
  readonly end?: string
  readonly outcome?: Outcome
}

const SEVERITY: Record<Outcome, number> = { success: 0, cancelled: 1, failure: 2 }

/**
 * The worse of two outcomes: failure over cancelled over success.
 *
 * @since 0.1.0
 * @category adapter mapping
 */
export const worstOutcome = (a: Outcome | undefined, b: Outcome): Outcome =>
  a === undefined || SEVERITY[b] > SEVERITY[a] ? b : a
