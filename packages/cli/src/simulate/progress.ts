/**
 * Counts finished replications and reports them, `simulating: 40 of 120 replications`, once the
 * run has lasted `afterMs` and then at most every `everyMs`, with a last line when all are done
 * (only if any was shown): a short run prints nothing.
 *
 * @since 0.1.0
 * @category simulate
 */
export interface Progress {
  readonly runDone: () => void
}

/**
 * How {@link makeProgress} reports: after how long, how often, where to, and the clock.
 *
 * @since 0.1.0
 * @category simulate
 */
export interface ProgressOptions {
  readonly afterMs: number
  readonly everyMs: number
  readonly write: (line: string) => void
  readonly now?: () => number
}

/**
 * Starts counting `total` replications.
 *
 * @since 0.1.0
 * @category simulate
 */
export const makeProgress = (total: number, options: ProgressOptions): Progress => {
  const now = options.now ?? Date.now
  const started = now()
  let done = 0
  let shownAt: number | undefined
  return {
    runDone: () => {
      done++
      const at = now()
      const due = shownAt === undefined ? at - started >= options.afterMs : at - shownAt >= options.everyMs
      if (due || (done === total && shownAt !== undefined)) {
        shownAt = at
        options.write(`simulating: ${done} of ${total} replications`)
      }
    },
  }
}
