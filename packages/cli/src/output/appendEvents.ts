import { createReadStream } from 'node:fs'
import { access, appendFile } from 'node:fs/promises'
import { type StageEventEncoded, scanNdjson } from '@herbie/core'
import { Effect } from 'effect'
import { UsageError } from '../errors.js'
import { systemErrorText } from '../systemError.js'

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

/**
 * An open event file: `write` appends a batch (skipping ids already there), `counts` tells what
 * it did so far.
 *
 * @since 0.1.0
 * @category output
 */
export interface EventAppender {
  readonly counts: AppendCounts
  readonly write: (events: ReadonlyArray<StageEventEncoded>) => Promise<void>
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
 * re-run or a resumed sync never writes the same fact twice. `write` resolves once the batch is
 * on disk (and rejects with a `UsageError` naming the file when it cannot be written).
 *
 * @since 0.1.0
 * @category output
 */
export const eventAppender = (path: string): Effect.Effect<EventAppender, UsageError> =>
  Effect.tryPromise({
    try: () => existingIds(path),
    catch: (cause) => new UsageError({ reason: `cannot read ${path}: ${systemErrorText(cause)}` }),
  }).pipe(
    Effect.map((ids): EventAppender => {
      const counts: AppendCounts = { written: 0, alreadyThere: 0 }
      const write = async (events: ReadonlyArray<StageEventEncoded>): Promise<void> => {
        const fresh = events.filter((event) => !ids.has(event.id))
        try {
          if (fresh.length > 0)
            await appendFile(path, fresh.map((event) => `${JSON.stringify(event)}\n`).join(''))
        } catch (cause) {
          throw new UsageError({ reason: `cannot write ${path}: ${systemErrorText(cause)}` })
        }
        for (const event of fresh) ids.add(event.id)
        counts.alreadyThere += events.length - fresh.length
        counts.written += fresh.length
      }
      return { counts, write }
    }),
  )
