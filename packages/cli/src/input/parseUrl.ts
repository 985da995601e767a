import { Effect, Either } from 'effect'
import { UsageError } from '../errors.js'
import { redactCredentials } from '../output/redactUrl.js'

/**
 * Checks a URL the user gave (an option or a config value): it must parse and use http or https,
 * and, where credentials cannot travel in it (`credentials: false`), carry none. Fails with the
 * reason in words, any password in it hidden.
 *
 * @since 0.1.0
 * @category input
 */
export const checkUrl = (
  text: string,
  { credentials = true }: { readonly credentials?: boolean } = {},
): Either.Either<URL, string> => {
  if (!URL.canParse(text)) return Either.left(`not a URL: ${redactCredentials(text)}`)
  const url = new URL(text)
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return Either.left(`unsupported scheme ${url.protocol} (use http or https)`)
  if (!credentials && (url.username !== '' || url.password !== ''))
    return Either.left(
      `credentials in the URL are not sent (${redactCredentials(text)}): give a token instead`,
    )
  return Either.right(url)
}

/**
 * Parses the URL given to an option (`--otlp`, `--base-url`): bad input naming the option when
 * it is not a URL or not http(s), as in `--otlp: not a URL: ...`.
 *
 * @since 0.1.0
 * @category input
 */
export const parseUrl = (
  option: string,
  text: string,
  rules: { readonly credentials?: boolean } = {},
): Effect.Effect<URL, UsageError> =>
  Either.match(checkUrl(text, rules), {
    onLeft: (reason) => Effect.fail(new UsageError({ reason: `${option}: ${reason}` })),
    onRight: Effect.succeed,
  })
