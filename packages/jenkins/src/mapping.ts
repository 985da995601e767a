import type { StageMapping } from '@herbie/core'

/**
 * The Jenkins facts Herbie maps to stages, with the default stage of each:
 * - `build`: a build running, outside stages a pattern maps elsewhere (its time in the Jenkins
 *   queue is a wait before it);
 * - `input`: the time an `input` step waited for a person (a manual approval): waiting;
 * - `done`: a production deploy stage that succeeded (a `production-deploy` done candidate).
 * Stages matched by `stagePatterns` go to the stage their pattern names (`deploy`).
 *
 * @since 0.1.0
 * @category mapping
 */
export const defaultStages = {
  build: 'ci',
  input: 'deploy-queue',
  done: 'done',
} as const satisfies StageMapping

/**
 * A fact name of the Jenkins adapter.
 *
 * @since 0.1.0
 * @category mapping
 */
export type JenkinsFact = keyof typeof defaultStages
