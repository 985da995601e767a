import { Context, Layer } from 'effect'

/**
 * How adapters reach the network: a `fetch`. The default layer uses the global `fetch`; tests
 * intercept it with msw, or provide their own.
 *
 * @since 0.1.0
 * @category adapter http
 */
export class HttpTransport extends Context.Tag('@herbie/core/HttpTransport')<
  HttpTransport,
  { readonly fetch: (url: string, init: RequestInit) => Promise<Response> }
>() {}

/**
 * The transport over the global `fetch` (Node 20's undici).
 *
 * @since 0.1.0
 * @category adapter http
 */
export const FetchTransport: Layer.Layer<HttpTransport> = Layer.succeed(HttpTransport, {
  fetch: (url, init) => globalThis.fetch(url, init),
})
