import { Data } from 'effect'

/**
 * The input holds no valid event (an empty file, or only invalid lines that were skipped): there
 * is nothing to measure, fit or forecast, which is bad input rather than a report of nothing.
 *
 * @since 0.1.0
 * @category errors
 */
export class NoEvents extends Data.TaggedError('NoEvents')<{ readonly source: string }> {
  override get message(): string {
    return `no events in ${this.source}`
  }
}
