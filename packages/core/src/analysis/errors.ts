import { Data } from 'effect'
import type { InvalidLine } from '../event/ndjson.js'

/**
 * The input had invalid lines (and was not analysed). `invalid` holds the first of them, up to the
 * cap; `count` is how many there were; `unknownStages` the stage names not in the stream.
 *
 * @since 0.1.0
 * @category errors
 */
export class InvalidEvents extends Data.TaggedError('InvalidEvents')<{
  readonly source: string
  readonly count: number
  readonly invalid: ReadonlyArray<InvalidLine>
  readonly unknownStages: ReadonlyArray<string>
}> {
  override get message(): string {
    const stages =
      this.unknownStages.length > 0
        ? `; stages not in the value stream: ${this.unknownStages.join(', ')}`
        : ''
    return `${this.source}: ${this.count} invalid line${this.count === 1 ? '' : 's'}${stages}`
  }
}

/**
 * The event source could not be read (a missing file, a broken stream).
 *
 * @since 0.1.0
 * @category errors
 */
export class SourceUnreadable extends Data.TaggedError('SourceUnreadable')<{
  readonly source: string
  readonly reason: string
}> {
  override get message(): string {
    return `cannot read ${this.source}: ${this.reason}`
  }
}

/**
 * The analysis window is empty or inverted.
 *
 * @since 0.1.0
 * @category errors
 */
export class InvalidWindow extends Data.TaggedError('InvalidWindow')<{
  readonly reason: string
}> {
  override get message(): string {
    return `invalid window: ${this.reason}`
  }
}
