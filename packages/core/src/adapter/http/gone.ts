import { Effect, Either } from 'effect'
import type { HttpError } from '../errors.js'

/**
 * The status with which a detail request says its subject is gone: 404 (a run, a pipeline, a
 * deployment or a pull request deleted since it was listed), 410 (an issue deleted) or 422 (a
 * commit force-pushed away). Anything else is no answer.
 *
 * @since 0.1.0
 * @category adapter http
 */
export const goneStatus = (error: HttpError): number | undefined => {
  if (error._tag === 'NotFound') return 404
  if (error._tag === 'RequestRejected' && (error.status === 410 || error.status === 422)) return error.status
  return undefined
}

/**
 * Runs a detail request (the jobs of a run, the notes of a merge request, the pull requests of a
 * commit) whose subject may have gone since the listing named it: a gone answer is `Left` with
 * the reason, `subject (status)` (`run deleted (404)`), so the sync can go on and count it as
 * unjoined. Auth failures, rate limits, lasting 5xx and malformed bodies still fail.
 *
 * @since 0.1.0
 * @category adapter http
 */
export const unlessGone = <A, R>(
  request: Effect.Effect<A, HttpError, R>,
  subject: string,
): Effect.Effect<Either.Either<A, string>, HttpError, R> =>
  request.pipe(
    Effect.map(Either.right),
    Effect.catchIf(
      (error) => goneStatus(error) !== undefined,
      (error) => Effect.succeed(Either.left(`${subject} (${goneStatus(error)})`)),
    ),
  )
