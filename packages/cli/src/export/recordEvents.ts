import { type ChunkSource, scanNdjson } from '@herbie/core'
import type { FlowRecorder } from '@herbie/otel'
import { Effect } from 'effect'
import { UsageError } from '../errors.js'
import { systemErrorText } from '../systemError.js'

/**
 * Streams events (a file, the event store) into a recorder, each valid line once (the analysis already named the
 * invalid ones); resolves to the number of events recorded.
 *
 * @since 0.1.0
 * @category export
 */
export const recordEvents = (
  chunks: ChunkSource,
  path: string,
  recorder: FlowRecorder,
): Effect.Effect<number, UsageError> =>
  Effect.gen(function* () {
    let recorded = 0
    yield* Effect.tryPromise({
      try: () =>
        scanNdjson(
          chunks,
          (event) => {
            if (recorder.record(event)) recorded++
            return undefined
          },
          () => {},
        ),
      catch: (cause) => new UsageError({ reason: `cannot read ${path}: ${systemErrorText(cause)}` }),
    })
    return recorded
  })
