import type { HttpSettings } from '@herbie/core'
import { Redacted, Schema } from 'effect'

/**
 * The error body of Argo CD and Argo Workflows (grpc-gateway's `runtime.Error`): `code` is the
 * gRPC status (16 Unauthenticated, 7 PermissionDenied, 5 NotFound), `message` the sentence;
 * Argo CD repeats it in `error`, Argo Workflows leaves `error` out.
 *
 * @since 0.1.0
 * @category http
 */
export const GrpcError = Schema.Struct({
  error: Schema.optional(Schema.String),
  code: Schema.optional(Schema.Number),
  message: Schema.optional(Schema.String),
})

/**
 * A decoded gRPC error body.
 *
 * @since 0.1.0
 * @category http
 */
export type GrpcError = typeof GrpcError.Type

const decodeError = Schema.decodeUnknownOption(Schema.parseJson(GrpcError))

/**
 * Who the adapter talks to, for the words of a refusal: the source, the product's name and the
 * variable the token comes from.
 *
 * @since 0.1.0
 * @category http
 */
export interface ArgoServer {
  readonly source: 'argocd' | 'argo-workflows'
  readonly product: string
  readonly tokenVariable: string
}

/**
 * What an Argo 401 or 403 means, in words, from its gRPC error body
 * (`{"error":"...","code":16,"message":"..."}`): a 401 (code 16) is a token the server refuses
 * (expired, revoked) or none at all; a 403 (code 7) a token without the permission (Argo CD also
 * answers so for an application that does not exist, so as not to tell which names exist).
 *
 * @since 0.1.0
 * @category http
 */
export const describeRefusal =
  (server: ArgoServer, hasToken: boolean): NonNullable<HttpSettings['describeRefusal']> =>
  ({ status, body }) => {
    const parsed = decodeError(body)
    const said = parsed._tag === 'Some' ? (parsed.value.message ?? parsed.value.error) : undefined
    const words = said === undefined || said === '' ? '' : ` (${said})`
    if (status === 401) {
      return hasToken
        ? `${server.product} refused the token${words}: it may have expired or been revoked; make a new one and set ${server.tokenVariable}`
        : `${server.product} wants a token${words}: set ${server.tokenVariable} (a bearer token of an account allowed to read)`
    }
    const hint =
      server.source === 'argocd' ? '; Argo CD also answers 403 for an application that does not exist' : ''
    return `the token lacks a permission${words}: ${server.product} needs read (get) access to what the sync lists${hint}`
  }

/**
 * The HTTP settings of an Argo server: its base URL and the token as `Authorization: Bearer`.
 *
 * @since 0.1.0
 * @category http
 */
export const argoHttpSettings = (
  server: ArgoServer,
  baseUrl: string,
  token: Redacted.Redacted<string> | undefined,
  onNotice?: HttpSettings['onNotice'],
): HttpSettings => ({
  source: server.source,
  baseUrl,
  describeRefusal: describeRefusal(server, token !== undefined && Redacted.value(token) !== ''),
  ...(token === undefined ? {} : { auth: { token } }),
  ...(onNotice === undefined ? {} : { onNotice }),
})
