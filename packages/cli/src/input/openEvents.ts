import { createReadStream } from 'node:fs'
import { access } from 'node:fs/promises'
import { createGunzip } from 'node:zlib'
import { Effect } from 'effect'
import { UsageError } from '../errors.js'

/**
 * Opens an NDJSON events file as a stream of chunks (never read whole); `.gz` files are
 * decompressed on the fly. A missing or unreadable file is a usage error naming it.
 *
 * @since 0.1.0
 * @category input
 */
export const openEvents = (path: string): Effect.Effect<AsyncIterable<string>, UsageError> =>
  Effect.tryPromise({
    try: async () => {
      await access(path)
      // Decoded to text by the stream itself: cheaper than decoding each chunk in JavaScript.
      if (!path.endsWith('.gz')) return createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })
      return createReadStream(path, { highWaterMark: 1 << 20 })
        .pipe(createGunzip())
        .setEncoding('utf8')
    },
    catch: (cause) => new UsageError({ reason: `cannot read events ${path}: ${(cause as Error).message}` }),
  })
