import { Data } from 'effect'

/**
 * Bad usage or bad input named by the user (a malformed `--from`, a stream file that does not
 * decode): exit code 2, one clear line.
 *
 * @since 0.1.0
 * @category errors
 */
export class UsageError extends Data.TaggedError('UsageError')<{ readonly reason: string }> {
  override get message(): string {
    return this.reason
  }
}
