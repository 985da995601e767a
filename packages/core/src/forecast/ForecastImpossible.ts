import { Data } from 'effect'

/**
 * A history that cannot forecast: no item was done in it.
 *
 * @since 0.1.0
 * @category forecast
 */
export class ForecastImpossible extends Data.TaggedError('ForecastImpossible')<{ readonly reason: string }> {
  override get message(): string {
    return this.reason
  }
}
