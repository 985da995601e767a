import { Command, Options } from '@effect/cli'
import { Console, Effect } from 'effect'
import { syncBuiltIn } from '../sync/syncBuiltIn.js'
import { verbose } from './options.js'
import { baseUrlOf, checkpoints, doneAt, out, since, sinceOf } from './syncOptions.js'

const project = Options.text('project').pipe(
  Options.withPseudoName('GROUP/NAME'),
  Options.withDescription('A project to sync, by full path (group/sub/name) or numeric id; repeat for more.'),
  Options.repeated,
)
const group = Options.text('group').pipe(
  Options.withPseudoName('GROUP'),
  Options.withDescription('Sync every project of a group and its subgroups; repeat for more.'),
  Options.repeated,
)
const baseUrl = Options.text('base-url').pipe(
  Options.withPseudoName('URL'),
  Options.withDescription('The GitLab instance, https://gitlab.example.com (default https://gitlab.com).'),
  Options.optional,
)

/**
 * `herbie sync gitlab`: backfills GitLab projects (or every project of groups) incrementally into
 * an NDJSON file, with progress on stderr. The token comes from `GITLAB_TOKEN` (a personal,
 * project or group access token with `read_api`); without it only public projects can be read,
 * and the command says so.
 *
 * @since 0.1.0
 * @category commands
 */
export const syncGitlabCommand = Command.make(
  'gitlab',
  { project, group, baseUrl, since, out, checkpoints, doneAt, verbose },
  (options) =>
    Effect.gen(function* () {
      const token = process.env.GITLAB_TOKEN
      if (token === undefined || token === '')
        yield* Console.error(
          'GITLAB_TOKEN is not set: syncing without a token, so only public projects can be read (set it to a token with the read_api scope)',
        )
      const raw = {
        projects: options.project,
        groups: options.group,
        ...(yield* baseUrlOf(options.baseUrl)),
        ...(yield* sinceOf(options.since)),
        doneAt: options.doneAt,
      }
      yield* syncBuiltIn('gitlab', raw, {
        out: options.out,
        checkpoints: options.checkpoints,
        label: [...options.project, ...options.group.map((name) => `group ${name}`)].join(', '),
      })
    }),
).pipe(
  Command.withDescription(
    'Backfill GitLab merge requests, pipelines with their jobs, and deployments into an NDJSON file.',
  ),
)
