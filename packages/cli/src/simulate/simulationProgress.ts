import { makeProgress, type Progress } from './progress.js'

/** A run shorter than this shows no progress. */
const AFTER_MS = 3000

/**
 * The progress `herbie simulate` shows on stderr for `total` replications: nothing for a run
 * shorter than three seconds (`HERBIE_PROGRESS_AFTER_MS` sets another threshold), then a line at
 * most every second.
 *
 * @since 0.1.0
 * @category simulate
 */
export const simulationProgress = (total: number): Progress => {
  const setting = process.env.HERBIE_PROGRESS_AFTER_MS
  const after = setting === undefined || setting.trim() === '' ? Number.NaN : Number(setting)
  return makeProgress(total, {
    afterMs: after >= 0 ? after : AFTER_MS,
    everyMs: 1000,
    write: (line) => process.stderr.write(`${line}\n`),
  })
}
