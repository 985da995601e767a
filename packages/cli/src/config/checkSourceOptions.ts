import { Effect, Either } from 'effect'
import { checkInstant } from '../input/parseInstant.js'
import { checkUrl } from '../input/parseUrl.js'
import { ConfigFileInvalid } from './ConfigFileInvalid.js'

/** Option names that hold a URL: `url`, `baseUrl`, `apiUrl`, ... */
const URL_OPTION = /url$/i

/**
 * Checks the options of a config source that the command line understands whatever the
 * adapter, as it checks the same values given as options: `since` like `--since` (the same
 * parser and words; normalised to ISO-8601 UTC, so a plain date works), and every option whose
 * name ends in `url` like `--base-url` (it parses, http or https). A failure names the file and
 * the key, `sources.NAME.options.KEY`. Other options are the adapter's to decode.
 *
 * @since 0.1.0
 * @category config
 */
export const checkSourceOptions = (
  file: string,
  field: string,
  options: Readonly<Record<string, unknown>>,
): Effect.Effect<Readonly<Record<string, unknown>>, ConfigFileInvalid> =>
  Effect.forEach(Object.entries(options), ([key, value]) => {
    if (typeof value !== 'string') return Effect.succeed([key, value] as const)
    const fail = (reason: string) => new ConfigFileInvalid({ file, field: `${field}.${key}`, reason })
    if (key === 'since') {
      return Either.match(checkInstant(value), {
        onLeft: (reason) => Effect.fail(fail(reason)),
        onRight: (ms) => Effect.succeed([key, new Date(ms).toISOString()] as const),
      })
    }
    if (URL_OPTION.test(key)) {
      return Either.match(checkUrl(value), {
        onLeft: (reason) => Effect.fail(fail(reason)),
        onRight: () => Effect.succeed([key, value] as const),
      })
    }
    return Effect.succeed([key, value] as const)
  }).pipe(Effect.map(Object.fromEntries))
