import { Options } from '@effect/cli'

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
  Options.withDefault('.herbie/checkpoints'),
)

/**
 * `--done-at auto|production-deploy|merge`: which done candidates a sync writes.
 *
 * @since 0.1.0
 * @category commands
 */
export const doneAt = Options.choice('done-at', ['auto', 'production-deploy', 'merge']).pipe(
  Options.withDescription(
    'Which done candidates to write: both (auto, the default; the analysis picks per repository), or only the first successful production deployment, or only the merge.',
  ),
  Options.optional,
)
