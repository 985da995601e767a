import { Command, Options } from '@effect/cli'
import {
  decodeConfig,
  FetchTransport,
  fileCheckpointStore,
  type HttpNotice,
  runBackfill,
  SyncProgress,
} from '@herbie/core'
import { githubAdapter } from '@herbie/github'
import { Console, Effect, Layer, Option } from 'effect'
import { eventAppender } from '../output/appendEvents.js'
import { verbose } from './options.js'

const repo = Options.text('repo').pipe(
  Options.withPseudoName('OWNER/NAME'),
  Options.withDescription('A repository to sync; repeat for more.'),
  Options.repeated,
)
const baseUrl = Options.text('base-url').pipe(
  Options.withPseudoName('URL'),
  Options.withDescription(
    'API base URL: GitHub Enterprise Server is https://HOST/api/v3 (default https://api.github.com).',
  ),
  Options.optional,
)
const since = Options.text('since').pipe(
  Options.withPseudoName('ISO'),
  Options.withDescription(
    'On the first sync, only what changed after this instant (later syncs start from the checkpoint).',
  ),
  Options.optional,
)
const out = Options.text('out').pipe(
  Options.withPseudoName('FILE.ndjson'),
  Options.withDescription('NDJSON file the events are appended to (ids already in it are skipped).'),
)
const checkpoints = Options.text('checkpoints').pipe(
  Options.withPseudoName('DIR'),
  Options.withDescription('Where checkpoints are kept.'),
  Options.withDefault('.herbie/checkpoints'),
)
const doneAt = Options.choice('done-at', ['production-deploy', 'merge']).pipe(
  Options.withDescription(
    'When an item is done: its first successful production deployment (default) or its merge.',
  ),
  Options.optional,
)

const describeNotice = (notice: HttpNotice): string | undefined => {
  if (notice.kind === 'page') return `page ${notice.url}`
  if (notice.kind === 'retry') return `retrying: ${notice.reason}`
  return `rate limited: waiting ${Math.ceil(notice.waitMs / 1000)} s (until ${notice.resetAt.toISOString()})`
}

/**
 * `herbie sync github`: backfills repositories incrementally into an NDJSON file, with progress
 * (pages, retries, rate-limit waits) on stderr. The token comes from `GITHUB_TOKEN`.
 *
 * @since 0.1.0
 * @category commands
 */
export const syncGithubCommand = Command.make(
  'github',
  { repo, baseUrl, since, out, checkpoints, doneAt, verbose },
  (options) =>
    Effect.gen(function* () {
      const token = process.env.GITHUB_TOKEN
      const config = yield* decodeConfig(githubAdapter, {
        repositories: options.repo,
        ...(token === undefined || token === '' ? {} : { token }),
        ...Option.match(options.baseUrl, { onNone: () => ({}), onSome: (url) => ({ baseUrl: url }) }),
        ...Option.match(options.since, { onNone: () => ({}), onSome: (value) => ({ since: value }) }),
        ...Option.match(options.doneAt, { onNone: () => ({}), onSome: (value) => ({ doneAt: value }) }),
      })
      const { counts, write } = yield* eventAppender(options.out)
      let pages = 0
      const progress = Layer.succeed(SyncProgress, {
        notice: (notice) => {
          if (notice.kind === 'page') pages++
          const line = describeNotice(notice)
          if (line !== undefined) process.stderr.write(`${line}\n`)
        },
      })
      const summary = yield* runBackfill(githubAdapter, config, write).pipe(
        Effect.provide(Layer.mergeAll(fileCheckpointStore(options.checkpoints), FetchTransport, progress)),
      )
      yield* Console.error(
        `synced ${options.repo.join(', ')}: ${pages} pages, ${summary.events} events, ${counts.written} written to ${options.out}, ${counts.alreadyThere} already there`,
      )
    }),
).pipe(
  Command.withDescription('Backfill GitHub pull requests, Actions runs and deployments into an NDJSON file.'),
)

/**
 * `herbie sync`: the sync commands, one per source.
 *
 * @since 0.1.0
 * @category commands
 */
export const syncCommand = Command.make('sync').pipe(
  Command.withDescription('Fetch stage events from a source system.'),
  Command.withSubcommands([syncGithubCommand]),
)
