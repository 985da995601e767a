import { Data } from 'effect'

/**
 * What an event store was doing when it failed.
 *
 * @since 0.1.0
 * @category event store
 */
export type StoreOperation =
  | 'open'
  | 'migrate'
  | 'upsert'
  | 'read'
  | 'checkpoint'
  | 'saveCheckpoint'
  | 'close'

/**
 * An event store could not do what was asked: the store's location (a file path), the operation
 * and why. Nothing the store acknowledged before is lost by such a failure.
 *
 * @since 0.1.0
 * @category event store
 */
export class StoreError extends Data.TaggedError('StoreError')<{
  readonly location: string
  readonly operation: StoreOperation
  readonly reason: string
}> {
  override get message(): string {
    return `event store ${this.location}: ${this.operation} failed: ${this.reason}`
  }
}
