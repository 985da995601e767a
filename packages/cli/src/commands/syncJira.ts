import { Command, Options } from '@effect/cli'
import { Console, Effect, Option } from 'effect'
import { syncBuiltIn } from '../sync/syncBuiltIn.js'
import { verbose } from './options.js'
import { baseUrlOf, checkpoints, out, since, sinceOf } from './syncOptions.js'

const baseUrl = Options.text('base-url').pipe(
  Options.withPseudoName('URL'),
  Options.withDescription(
    'The Jira site, https://acme.atlassian.net (Cloud), or server with its context path (Data Center).',
  ),
)
const jql = Options.text('jql').pipe(
  Options.withPseudoName('QUERY'),
  Options.withDescription('The issues to sync, as JQL: "project = PAY".'),
)

/** Which credentials the environment gives, in words for stderr. */
const authLine = (email: string, token: string): string => {
  if (token === '')
    return `JIRA_TOKEN is not set${email === '' ? '' : ' (JIRA_EMAIL alone is not enough)'}: syncing anonymously, so only issues anyone may browse can be read (set JIRA_EMAIL and JIRA_TOKEN for Jira Cloud, or JIRA_TOKEN alone for a Data Center personal access token)`
  if (email === '')
    return 'JIRA_TOKEN without JIRA_EMAIL: authenticating with a Data Center personal access token (bearer); for Jira Cloud also set JIRA_EMAIL'
  return `authenticating as ${email} with an API token (basic auth, Jira Cloud)`
}

/**
 * `herbie sync jira`: backfills the issues of a JQL query incrementally into an NDJSON file, with
 * progress on stderr. `JIRA_EMAIL` and `JIRA_TOKEN` (an API token) authenticate with Jira Cloud,
 * `JIRA_TOKEN` alone is a Data Center personal access token; the command says on stderr which it
 * uses, and when nothing is set.
 *
 * @since 0.1.0
 * @category commands
 */
export const syncJiraCommand = Command.make(
  'jira',
  { baseUrl, jql, since, out, checkpoints, verbose },
  (options) =>
    Effect.gen(function* () {
      yield* Console.error(authLine(process.env.JIRA_EMAIL ?? '', process.env.JIRA_TOKEN ?? ''))
      const raw = {
        ...(yield* baseUrlOf(Option.some(options.baseUrl))),
        jql: options.jql,
        ...(yield* sinceOf(options.since)),
      }
      yield* syncBuiltIn('jira', raw, {
        out: options.out,
        checkpoints: options.checkpoints,
        label: `${options.baseUrl} ${options.jql}`,
      })
    }),
).pipe(
  Command.withDescription(
    'Backfill Jira issues (Cloud or Data Center): status changes as stages, Done, rework and abandoned issues, into an NDJSON file.',
  ),
)
