import { Command, Options } from '@effect/cli'
import { Effect, Option } from 'effect'
import { syncBuiltIn } from '../sync/syncBuiltIn.js'
import { verbose } from './options.js'
import { checkpoints, doneAt, out, since } from './syncOptions.js'

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
        ...Option.match(options.baseUrl, { onNone: () => ({}), onSome: (url) => ({ baseUrl: url }) }),
        ...Option.match(options.since, { onNone: () => ({}), onSome: (value) => ({ since: value }) }),
        ...Option.match(options.doneAt, { onNone: () => ({}), onSome: (value) => ({ doneAt: value }) }),
        ...(options.issues ? { issues: true } : {}),
      }
      yield* syncBuiltIn('github', raw, {
        out: options.out,
        checkpoints: options.checkpoints,
        label: options.repo.join(', '),
      })
    }),
).pipe(
  Command.withDescription('Backfill GitHub pull requests, Actions runs and deployments into an NDJSON file.'),
)
