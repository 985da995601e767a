import { createReadStream } from 'node:fs'
import { access, constants, stat } from 'node:fs/promises'
import { createGunzip } from 'node:zlib'
import { Effect } from 'effect'
import { UsageError } from '../errors.js'
import { systemErrorText } from '../systemError.js'

/**
 * Opens an NDJSON events file as a stream of chunks (never read whole); `.gz` files are
 * decompressed on the fly. A missing or unreadable file, or a directory, is a usage error naming it.
 *
 * @since 0.1.0
 * @category input
 */
export const openEvents = (path: string): Effect.Effect<AsyncIterable<string>, UsageError> =>
  Effect.gen(function* () {
    const unreadable = (reason: string) => new UsageError({ reason: `cannot read events ${path}: ${reason}` })
    const info = yield* Effect.tryPromise({
      try: () => stat(path),
      catch: (cause) => unreadable(systemErrorText(cause)),
    })
    if (info.isDirectory()) return yield* unreadable('is a directory')
    yield* Effect.tryPromise({
      try: () => access(path, constants.R_OK),
      catch: (cause) => unreadable(systemErrorText(cause)),
    })
    // Decoded to text by the stream itself: cheaper than decoding each chunk in JavaScript.
    if (!path.endsWith('.gz')) return createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })
    return createReadStream(path, { highWaterMark: 1 << 20 })
      .pipe(createGunzip())
      .setEncoding('utf8')
  })
