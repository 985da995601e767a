import { Options } from '@effect/cli'
import { Effect, Option } from 'effect'
import { parseInstant } from '../input/parseInstant.js'
import { parseUrl } from '../input/parseUrl.js'
import { defaultTo } from './options.js'

/**
 * `--since ISO`: on a first sync, only what changed after this instant.
 *
 * @since 0.1.0
 * @category commands
 */
export const since = Options.text('since').pipe(
  Options.withPseudoName('ISO'),
  Options.withDescription(
    'On the first sync, only what changed after this instant (later syncs start from the checkpoint).',
  ),
  Options.optional,
)

/**
 * `--out FILE.ndjson`: the event file a sync appends to.
 *
 * @since 0.1.0
 * @category commands
 */
export const out = Options.text('out').pipe(
  Options.withPseudoName('FILE.ndjson'),
  Options.withDescription('NDJSON file the events are appended to (ids already in it are skipped).'),
)

/**
 * `--checkpoints DIR`: where a sync keeps its checkpoints.
 *
 * @since 0.1.0
 * @category commands
 */
export const checkpoints = Options.text('checkpoints').pipe(
  Options.withPseudoName('DIR'),
  Options.withDescription('Where checkpoints are kept.'),
  defaultTo('.herbie/checkpoints'),
)

/**
 * `--done-at auto|production-deploy|merge`: which done candidates a sync writes.
 *
 * @since 0.1.0
 * @category commands
 */
export const doneAt = Options.choice('done-at', ['auto', 'production-deploy', 'merge']).pipe(
  Options.withDescription(
    'Where items are done: auto writes both candidates and the analysis picks per repository (the first successful production deployment where there are any, else the merge); the others write only one.',
  ),
  defaultTo('auto'),
)

/**
 * `--since` read like `--from` (the same parser and messages), as the ISO instant an adapter
 * takes; nothing when it was not given.
 *
 * @since 0.1.0
 * @category commands
 */
export const sinceOf = (value: Option.Option<string>) =>
  Option.match(value, {
    onNone: () => Effect.succeed({}),
    onSome: (text) =>
      parseInstant('--since', text).pipe(Effect.map((at) => ({ since: new Date(at).toISOString() }))),
  })

/**
 * `--base-url` checked (http or https, no credentials: sources take tokens), as the option an
 * adapter takes; nothing when it was not given.
 *
 * @since 0.1.0
 * @category commands
 */
export const baseUrlOf = (value: Option.Option<string>) =>
  Option.match(value, {
    onNone: () => Effect.succeed({}),
    onSome: (url) => parseUrl('--base-url', url, { credentials: false }).pipe(Effect.as({ baseUrl: url })),
  })
