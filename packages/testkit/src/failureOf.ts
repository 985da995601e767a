import { Exit } from 'effect'

/**
 * The error a run failed with (the `E` of its `Exit`), for asserting on a sync that must fail;
 * throws, naming the exit, when the run succeeded or ended by a defect or an interruption.
 *
 * @since 0.1.0
 * @category conformance
 */
export const failureOf = (exit: Exit.Exit<unknown, unknown>): unknown => {
  if (Exit.isSuccess(exit) || exit.cause._tag !== 'Fail')
    throw new Error(`expected a failure: ${String(exit)}`)
  return exit.cause.error
}
