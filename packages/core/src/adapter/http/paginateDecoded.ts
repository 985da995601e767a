import { Effect, type Schema, Stream } from 'effect'
import type { HttpError } from '../errors.js'
import { decodeBody } from './decodeBody.js'
import type { HttpSettings } from './HttpSettings.js'
import type { HttpTransport } from './HttpTransport.js'
import { type Pagination, paginate } from './paginate.js'

/**
 * Every page of a listing, each decoded with `schema`: {@link paginate} then {@link decodeBody},
 * so a page that does not match names the endpoint (`GET path`) and the field.
 *
 * @since 0.1.0
 * @category adapter http
 */
export const paginateDecoded = <A, I>(
  settings: HttpSettings,
  path: string,
  query: Readonly<Record<string, string>>,
  pagination: Pagination,
  schema: Schema.Schema<A, I>,
): Stream.Stream<A, HttpError, HttpTransport> =>
  paginate(settings, path, query, pagination).pipe(
    Stream.mapEffect((page) => decodeBody(settings.source, schema, `GET ${path}`, page.body)),
  )

/**
 * Every item of a listing whose pages are arrays, decoded and collected.
 *
 * @since 0.1.0
 * @category adapter http
 */
export const collectPages = <A, I>(
  settings: HttpSettings,
  path: string,
  query: Readonly<Record<string, string>>,
  pagination: Pagination,
  schema: Schema.Schema<ReadonlyArray<A>, I>,
): Effect.Effect<A[], HttpError, HttpTransport> =>
  paginateDecoded(settings, path, query, pagination, schema).pipe(
    Stream.runCollect,
    Effect.map((pages) => [...pages].flat()),
  )
