import { Command, Options } from '@effect/cli'
import { Console, Effect, Option } from 'effect'
import { syncBuiltIn } from '../sync/syncBuiltIn.js'
import { verbose } from './options.js'
import { baseUrlOf, checkpoints, out, since, sinceOf } from './syncOptions.js'

const baseUrl = Options.text('base-url').pipe(
  Options.withPseudoName('URL'),
  Options.withDescription('Where Jenkins answers, with its path prefix: https://ci.example/jenkins.'),
)
const job = Options.text('job').pipe(
  Options.withPseudoName('PATH'),
  Options.withDescription(
    'A job or folder by full name (payments/main, payments); repeat for more (default: every job the user can see).',
  ),
  Options.repeated,
)

/**
 * `herbie sync jenkins`: backfills a Jenkins' builds incrementally into an NDJSON file, with
 * progress on stderr. The user and API token come from `JENKINS_USER` and `JENKINS_TOKEN`; when
 * they are not set it says so and syncs as anonymous.
 *
 * @since 0.1.0
 * @category commands
 */
export const syncJenkinsCommand = Command.make(
  'jenkins',
  { baseUrl, job, since, out, checkpoints, verbose },
  (options) =>
    Effect.gen(function* () {
      const missing = ['JENKINS_USER', 'JENKINS_TOKEN'].filter((name) => (process.env[name] ?? '') === '')
      if (missing.length > 0) {
        yield* Console.error(
          `${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} not set: syncing as anonymous (set both to sync as a user with an API token)`,
        )
      }
      const raw = {
        ...(yield* baseUrlOf(Option.some(options.baseUrl))),
        ...(options.job.length === 0 ? {} : { jobs: options.job }),
        ...(yield* sinceOf(options.since)),
      }
      yield* syncBuiltIn('jenkins', raw, {
        out: options.out,
        checkpoints: options.checkpoints,
        label: options.baseUrl,
      })
    }),
).pipe(
  Command.withDescription(
    'Backfill Jenkins builds, Pipeline stages, queue time and manual approvals into an NDJSON file.',
  ),
)
