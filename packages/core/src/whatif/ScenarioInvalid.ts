import { Data } from 'effect'

/**
 * A what-if that cannot run: a malformed change, a stage the model does not have, or too little
 * data to fit a model. Bad input.
 *
 * @since 0.1.0
 * @category what-if
 */
export class ScenarioInvalid extends Data.TaggedError('ScenarioInvalid')<{ readonly reason: string }> {
  override get message(): string {
    return this.reason
  }
}
