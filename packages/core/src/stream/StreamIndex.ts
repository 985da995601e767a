import type { StageDefinition, ValueStream } from './ValueStream.js'

/**
 * A value stream prepared for fast lookups: stage positions by name, which stages are work,
 * and the positions of the commitment and done stages.
 *
 * @since 0.1.0
 * @category value stream
 */
export interface StreamIndex {
  readonly stream: ValueStream
  readonly stages: ReadonlyArray<StageDefinition>
  readonly positionOf: ReadonlyMap<string, number>
  readonly isWork: ReadonlyArray<boolean>
  readonly commitment: number
  readonly done: number
}

/**
 * Indexes a value stream.
 *
 * @since 0.1.0
 * @category value stream
 */
export const indexStream = (stream: ValueStream): StreamIndex => {
  const positionOf = new Map(stream.stages.map((stage, index) => [stage.name, index] as const))
  return {
    stream,
    stages: stream.stages,
    positionOf,
    isWork: stream.stages.map((stage) => stage.activity === 'work'),
    commitment: positionOf.get(stream.commitment) ?? 0,
    done: positionOf.get(stream.done) ?? stream.stages.length - 1,
  }
}
