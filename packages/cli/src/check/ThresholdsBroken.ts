import { Data } from 'effect'

/**
 * `herbie check` found thresholds broken: exit code 1 (not bad input), after the verdict was
 * printed.
 *
 * @since 0.1.0
 * @category errors
 */
export class ThresholdsBroken extends Data.TaggedError('ThresholdsBroken')<{ readonly verdict: string }> {
  override get message(): string {
    return this.verdict
  }
}
