import {
  type BackfillSummary,
  type CheckpointHost,
  type HttpNotice,
  type StageMapping,
  unjoinedSentence,
} from '@herbie/core'
import { Effect } from 'effect'
import type { LoadedAdapter } from '../config/loadAdapter.js'
import type { EventAppender } from '../output/appendEvents.js'
import { safeText } from '../output/safeText.js'

const describeNotice = (notice: HttpNotice): string => {
  if (notice.kind === 'page') return `page ${notice.url}`
  if (notice.kind === 'retry') return `retrying: ${notice.reason}`
  return `rate limited: waiting ${Math.ceil(notice.waitMs / 1000)} s (until ${notice.resetAt.toISOString()})`
}

/**
 * One source to sync: its adapter, the options as written (environment already filled in) and
 * the user's stage overrides.
 *
 * @since 0.1.0
 * @category sync
 */
export interface Source {
  readonly loaded: LoadedAdapter
  readonly options: Readonly<Record<string, unknown>>
  readonly stages: StageMapping
}

/**
 * What one source's sync did: pages fetched, and the backfill's events and checkpoints.
 *
 * @since 0.1.0
 * @category sync
 */
export interface SourceSummary extends BackfillSummary {
  readonly pages: number
}

/**
 * The line that says what a source's sync could not join to its work items (`3 facts could not be
 * joined to a pull request: 2 commit gone (422), 1 run deleted (404)`), or undefined when it
 * joined everything. A plugin built on an older core reports no `unjoined`.
 *
 * @since 0.1.0
 * @category sync
 */
export const unjoinedLine = (source: Source, summary: SourceSummary): string | undefined =>
  unjoinedSentence(summary.unjoined ?? [], source.loaded.adapter.joinsTo)

/**
 * Runs one source's incremental backfill into an event file or store (checkpoints in files under
 * a folder, or kept by the host) through the `syncAdapter` of the
 * adapter's own `@herbie/core`, printing every page, retry and rate-limit wait to stderr (after
 * `prefix`). Fails with the adapter's typed error as it came.
 *
 * @since 0.1.0
 * @category sync
 */
export const runSource = (
  source: Source,
  appender: EventAppender,
  checkpoints: string | CheckpointHost,
  prefix = '',
): Effect.Effect<SourceSummary, unknown> =>
  Effect.tryPromise({
    try: async () => {
      let pages = 0
      const summary = await source.loaded.sync(
        source.loaded.adapter,
        { ...source.loaded.defaults(), ...source.options },
        {
          write: appender.write,
          ...(typeof checkpoints === 'string' ? { checkpoints } : { checkpointStore: checkpoints }),
          stages: source.stages,
          onNotice: (notice) => {
            if (notice.kind === 'page') pages++
            process.stderr.write(`${prefix}${safeText(describeNotice(notice))}\n`)
          },
        },
      )
      return { ...summary, pages }
    },
    catch: (error) => error,
  })
