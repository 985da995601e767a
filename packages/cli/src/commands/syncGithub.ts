import { Command, Options } from '@effect/cli'
import { Console, Effect } from 'effect'
import { githubTokenNotice } from '../sync/githubToken.js'
import { syncBuiltIn } from '../sync/syncBuiltIn.js'
import { verbose } from './options.js'
import { baseUrlOf, checkpoints, doneAt, out, since, sinceOf } from './syncOptions.js'

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
      const raw = {
        repositories: options.repo,
        ...(yield* baseUrlOf(options.baseUrl)),
        ...(yield* sinceOf(options.since)),
        doneAt: options.doneAt,
        ...(options.issues ? { issues: true } : {}),
      }
      const notice = githubTokenNotice(process.env)
      if (notice !== undefined) yield* Console.error(notice)
      yield* syncBuiltIn('github', raw, {
        out: options.out,
        checkpoints: options.checkpoints,
        label: options.repo.join(', '),
      })
    }),
).pipe(
  Command.withDescription('Backfill GitHub pull requests, Actions runs and deployments into an NDJSON file.'),
)
