import { Command, Options } from '@effect/cli'
import { Console, Effect, Option } from 'effect'
import { loadAdapter } from '../config/loadAdapter.js'
import { parseInstant } from '../input/parseInstant.js'
import { parseUrl } from '../input/parseUrl.js'
import { eventAppender } from '../output/appendEvents.js'
import { githubTokenNotice } from '../sync/githubToken.js'
import { runSource, unjoinedLine } from '../sync/runSource.js'
import { defaultTo, verbose } from './options.js'

const repo = Options.text('repo').pipe(
  Options.withPseudoName('OWNER/NAME'),
  Options.withDescription('A repository to sync; repeat for more.'),
  Options.atLeast(1),
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
  defaultTo('.herbie/checkpoints'),
)
const doneAt = Options.choice('done-at', ['auto', 'production-deploy', 'merge']).pipe(
  Options.withDescription(
    'Where items are done: auto writes both candidates and the analysis picks per repository (the first successful production deployment where there are any, else the merge); the others write only one.',
  ),
  defaultTo('auto'),
)

const issues = Options.boolean('issues').pipe(
  Options.withDescription(
    'Also sync issues: each waits in the backlog until a pull request references it; the pull requests that close it carry on its item.',
  ),
)

/**
 * `herbie sync github`: backfills repositories incrementally into an NDJSON file, with progress
 * (pages, retries, rate-limit waits) on stderr. The token comes from `GITHUB_TOKEN`.
 *
 * @since 0.1.0
 * @category commands
 */
export const syncGithubCommand = Command.make(
  'github',
  { repo, baseUrl, since, out, checkpoints, doneAt, issues, verbose },
  (options) =>
    Effect.gen(function* () {
      if (Option.isSome(options.baseUrl))
        yield* parseUrl('--base-url', options.baseUrl.value, { credentials: false })
      const since = Option.isSome(options.since)
        ? yield* parseInstant('--since', options.since.value)
        : undefined
      const raw = {
        repositories: options.repo,
        ...Option.match(options.baseUrl, { onNone: () => ({}), onSome: (url) => ({ baseUrl: url }) }),
        ...(since === undefined ? {} : { since: new Date(since).toISOString() }),
        doneAt: options.doneAt,
        ...(options.issues ? { issues: true } : {}),
      }
      const notice = githubTokenNotice(process.env)
      if (notice !== undefined) yield* Console.error(notice)
      const github = yield* loadAdapter('github', '.', 'herbie sync github', 'adapter')
      const appender = yield* eventAppender(options.out)
      const source = { loaded: github, options: raw, stages: {} }
      const summary = yield* runSource(source, appender, options.checkpoints)
      yield* Console.error(
        `synced ${options.repo.join(', ')}: ${summary.pages} pages, ${summary.events} events, ${appender.counts.written} written to ${options.out}, ${appender.counts.alreadyThere} already there`,
      )
      const unjoined = unjoinedLine(source, summary)
      if (unjoined !== undefined) yield* Console.error(unjoined)
    }),
).pipe(
  Command.withDescription('Backfill GitHub pull requests, Actions runs and deployments into an NDJSON file.'),
)
