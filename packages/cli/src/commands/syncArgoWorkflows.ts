import { Command, Options } from '@effect/cli'
import { Console, Effect, Option } from 'effect'
import { syncBuiltIn } from '../sync/syncBuiltIn.js'
import { verbose } from './options.js'
import { baseUrlOf, checkpoints, out, since, sinceOf } from './syncOptions.js'

const baseUrl = Options.text('base-url').pipe(
  Options.withPseudoName('URL'),
  Options.withDescription('Where the Argo Server of Argo Workflows answers: https://argo.example.com.'),
)
const namespace = Options.text('namespace').pipe(
  Options.withPseudoName('NS'),
  Options.withDescription(
    'The namespace whose workflows to read (default: every namespace the token can see).',
  ),
  Options.optional,
)

/**
 * `herbie sync argo-workflows`: backfills Argo Workflows' workflows incrementally into an NDJSON
 * file, with progress on stderr. The token comes from `ARGO_TOKEN`; when it is not set it says so
 * and asks without one (an Argo Server in `server` auth mode).
 *
 * @since 0.1.0
 * @category commands
 */
export const syncArgoWorkflowsCommand = Command.make(
  'argo-workflows',
  { baseUrl, namespace, since, out, checkpoints, verbose },
  (options) =>
    Effect.gen(function* () {
      if ((process.env.ARGO_TOKEN ?? '') === '') {
        yield* Console.error(
          'ARGO_TOKEN is not set: syncing without a token (set it to a service account token that may list workflows)',
        )
      }
      const raw = {
        ...(yield* baseUrlOf(Option.some(options.baseUrl))),
        ...Option.match(options.namespace, { onNone: () => ({}), onSome: (value) => ({ namespace: value }) }),
        ...(yield* sinceOf(options.since)),
      }
      yield* syncBuiltIn('argo-workflows', raw, {
        out: options.out,
        checkpoints: options.checkpoints,
        label: options.baseUrl,
      })
    }),
).pipe(
  Command.withDescription(
    'Backfill Argo Workflows nodes (CI and deploy steps, approvals) into an NDJSON file.',
  ),
)
