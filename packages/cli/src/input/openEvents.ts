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
export const openEvents = (path: string): Effect.Effect<AsyncIterable<Uint8Array>, UsageError> =>
  Effect.tryPromise({
    try: async () => {
      await access(path)
      const file = createReadStream(path, { highWaterMark: 1 << 20 })
      return path.endsWith('.gz') ? file.pipe(createGunzip()) : file
    },
    catch: (cause) => new UsageError({ reason: `cannot read events ${path}: ${(cause as Error).message}` }),
  })
