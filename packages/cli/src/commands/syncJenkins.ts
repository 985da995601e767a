import { Command, Options } from '@effect/cli'
import { Console, Effect, Option } from 'effect'
import { loadAdapter } from '../config/loadAdapter.js'
import { eventAppender } from '../output/appendEvents.js'
import { runSource, unjoinedLine } from '../sync/runSource.js'
import { verbose } from './options.js'

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
const since = Options.text('since').pipe(
  Options.withPseudoName('ISO'),
  Options.withDescription('On the first sync, only builds started after this instant.'),
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
        baseUrl: options.baseUrl,
        ...(options.job.length === 0 ? {} : { jobs: options.job }),
        ...Option.match(options.since, { onNone: () => ({}), onSome: (value) => ({ since: value }) }),
      }
      const jenkins = yield* loadAdapter('jenkins', '.', 'herbie sync jenkins', 'adapter')
      const appender = yield* eventAppender(options.out)
      const source = { loaded: jenkins, options: raw, stages: {} }
      const summary = yield* runSource(source, appender, options.checkpoints)
      yield* Console.error(
        `synced ${options.baseUrl}: ${summary.pages} pages, ${summary.events} events, ${appender.counts.written} written to ${options.out}, ${appender.counts.alreadyThere} already there`,
      )
      const unjoined = unjoinedLine(source, summary)
      if (unjoined !== undefined) yield* Console.error(unjoined)
    }),
).pipe(
  Command.withDescription(
    'Backfill Jenkins builds, Pipeline stages, queue time and manual approvals into an NDJSON file.',
  ),
)
