import { Data } from 'effect'

/**
 * Sources of `herbie sync` that failed (the others ran to the end and kept their events and
 * checkpoints), each with the adapter's error. Bad input (exit 2) when every failure is a config
 * the adapter refused.
 *
 * @since 0.1.0
 * @category sync
 */
export class SourcesFailed extends Data.TaggedError('SourcesFailed')<{
  readonly failures: ReadonlyArray<{ readonly source: string; readonly error: unknown }>
  readonly total: number
}> {
  override get message(): string {
    const lines = this.failures.map(
      ({ source, error }) => `[${source}] ${error instanceof Error ? error.message : String(error)}`,
    )
    return `${this.failures.length} of ${this.total} sources failed: ${lines.join('; ')}`
  }

  /** Whether each failure is an adapter refusing its options. */
  get badInput(): boolean {
    return this.failures.every(({ error }) => {
      const tag = typeof error === 'object' && error !== null ? (error as { _tag?: unknown })._tag : undefined
      return tag === 'ConfigInvalid' || tag === 'ConfigFileInvalid'
    })
  }
}
