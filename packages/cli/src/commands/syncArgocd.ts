import { Command, Options } from '@effect/cli'
import { Console, Effect, Option } from 'effect'
import { syncBuiltIn } from '../sync/syncBuiltIn.js'
import { verbose } from './options.js'
import { baseUrlOf, checkpoints, out } from './syncOptions.js'

const baseUrl = Options.text('base-url').pipe(
  Options.withPseudoName('URL'),
  Options.withDescription('Where the Argo CD API server answers: https://argocd.example.com.'),
)
const app = Options.text('app').pipe(
  Options.withPseudoName('NAME'),
  Options.withDescription(
    'An application by name (payments-prod); repeat for more (default: every application the token can see).',
  ),
  Options.repeated,
)

/**
 * `herbie sync argocd`: backfills an Argo CD's application syncs incrementally into an NDJSON
 * file, with progress on stderr. The token comes from `ARGOCD_TOKEN`; when it is not set it says
 * so and asks without one (an Argo CD with anonymous access).
 *
 * @since 0.1.0
 * @category commands
 */
export const syncArgocdCommand = Command.make(
  'argocd',
  { baseUrl, app, out, checkpoints, verbose },
  (options) =>
    Effect.gen(function* () {
      if ((process.env.ARGOCD_TOKEN ?? '') === '') {
        yield* Console.error(
          'ARGOCD_TOKEN is not set: syncing without a token (set it to an API token of an account that may get applications)',
        )
      }
      const raw = {
        ...(yield* baseUrlOf(Option.some(options.baseUrl))),
        ...(options.app.length === 0 ? {} : { apps: options.app }),
      }
      yield* syncBuiltIn('argocd', raw, {
        out: options.out,
        checkpoints: options.checkpoints,
        label: options.baseUrl,
      })
    }),
).pipe(
  Command.withDescription(
    'Backfill Argo CD application syncs (deploys, failed syncs, syncs waiting for a person or a sync window) into an NDJSON file.',
  ),
)
