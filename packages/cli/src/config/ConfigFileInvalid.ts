import { Data } from 'effect'

/**
 * A config file that cannot be used: missing, not JSON, a wrong field, an environment variable
 * it names that is not set, a plugin that cannot be found. The message names the file and the
 * field (or line and column). Exit code 2.
 *
 * @since 0.1.0
 * @category config
 */
export class ConfigFileInvalid extends Data.TaggedError('ConfigFileInvalid')<{
  readonly file: string
  readonly field?: string
  readonly reason: string
}> {
  override get message(): string {
    return `${this.file}${this.field === undefined || this.field === '' ? '' : `: ${this.field}`}: ${this.reason}`
  }
}
