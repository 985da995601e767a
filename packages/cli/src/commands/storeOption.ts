import { Options } from '@effect/cli'

/**
 * `--store PATH`: the event store file (default: the config's `store`, else
 * `.herbie/events.sqlite`).
 *
 * @since 0.1.0
 * @category commands
 */
export const storeOption = Options.text('store').pipe(
  Options.withPseudoName('PATH'),
  Options.withDescription(
    "The event store file (default: the config file's `store`, else .herbie/events.sqlite here).",
  ),
  Options.optional,
)

/**
 * `--events FILE.ndjson` for the commands that read the event store when it is absent.
 *
 * @since 0.1.0
 * @category commands
 */
export const eventsOrStore = Options.text('events').pipe(
  Options.withPseudoName('FILE.ndjson'),
  Options.withDescription(
    'NDJSON file of stage events (may be .gz), read as a stream (default: the event store).',
  ),
  Options.optional,
)
