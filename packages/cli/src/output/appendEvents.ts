import { createReadStream } from 'node:fs'
import { access, appendFile } from 'node:fs/promises'
import { type StageEventEncoded, scanNdjson } from '@herbie/core'
import { Effect } from 'effect'
import { UsageError } from '../errors.js'

/**
 * What appending did: events written, and events skipped because the file already had their id.
 *
 * @since 0.1.0
 * @category output
 */
export interface AppendCounts {
  written: number
  alreadyThere: number
}

const existingIds = async (path: string): Promise<Set<string>> => {
  const ids = new Set<string>()
  try {
    await access(path)
  } catch {
    return ids
  }
  await scanNdjson(
    createReadStream(path, { encoding: 'utf8' }),
    (event) => {
      ids.add(event.id as string)
      return undefined
    },
    () => {},
  )
  return ids
}

/**
 * Opens an NDJSON file for appending events: the ids already in it are read first (streamed), so a
 * re-run or a resumed sync never writes the same fact twice.
 *
 * @since 0.1.0
 * @category output
 */
export const eventAppender = (path: string) =>
  Effect.tryPromise({
    try: () => existingIds(path),
    catch: (cause) => new UsageError({ reason: `cannot read ${path}: ${(cause as Error).message}` }),
  }).pipe(
    Effect.map((ids) => {
      const counts: AppendCounts = { written: 0, alreadyThere: 0 }
      const write = (events: ReadonlyArray<StageEventEncoded>) =>
        Effect.tryPromise({
          try: async () => {
            const fresh = events.filter((event) => !ids.has(event.id))
            counts.alreadyThere += events.length - fresh.length
            for (const event of fresh) ids.add(event.id)
            if (fresh.length > 0)
              await appendFile(path, fresh.map((event) => `${JSON.stringify(event)}\n`).join(''))
            counts.written += fresh.length
          },
          catch: (cause) => new UsageError({ reason: `cannot write ${path}: ${(cause as Error).message}` }),
        })
      return { counts, write }
    }),
  )
