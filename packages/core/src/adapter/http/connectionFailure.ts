import { Either, Schema } from 'effect'

/** A failed `fetch` carries the system error of the connection as its cause. */
const FetchFailure = Schema.Struct({ cause: Schema.Struct({ code: Schema.String }) })

const WORDS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'no such host (DNS lookup failed)',
  EAI_AGAIN: 'DNS lookup failed for now',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'connection timed out',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
}

/**
 * Why a connection could not be made, in words (`connection refused`, `no such host`), when the
 * error of a `fetch` says; `undefined` for anything else.
 *
 * @since 0.1.0
 * @category adapter http
 */
export const connectionFailure = (cause: unknown): string | undefined => {
  const failure = Schema.decodeUnknownEither(FetchFailure)(cause)
  return Either.isRight(failure) ? WORDS[failure.right.cause.code] : undefined
}
