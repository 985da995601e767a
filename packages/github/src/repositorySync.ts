import {
  collectPages,
  type EventContext,
  getJson,
  type HttpError,
  type HttpSettings,
  type HttpTransport,
  type JoinIndex,
  paginateDecoded,
  type StageMapping,
} from '@herbie/core'
import { Effect, type Schema, type Stream } from 'effect'
import { decodeBody } from './api.js'
import type { RepositoryState } from './checkpoint.js'
import { commitContext } from './commitContext.js'
import type { GithubConfig } from './config.js'

/**
 * What the parts of one repository's sync share: the options, the previous sync's state, the
 * join index being built and the instant this sync began.
 *
 * @since 0.1.0
 * @category backfill
 */
export interface RepositorySync {
  readonly config: GithubConfig
  readonly repository: string
  readonly settings: HttpSettings
  readonly stages: StageMapping
  /** Sync only what changed from this instant on (undefined: everything). */
  readonly since: string | undefined
  readonly startedAt: string
  readonly previous: RepositoryState
  readonly joins: JoinIndex
}

/**
 * What a request needs: the HTTP settings and the page size.
 *
 * @since 0.1.0
 * @category backfill
 */
export type Http = Pick<RepositorySync, 'settings' | 'config'>

/**
 * A joined context, and why it could not be joined to a pull request when it could not.
 *
 * @since 0.1.0
 * @category backfill
 */
export interface Joined {
  readonly context: EventContext
  readonly unjoined?: string
}

/**
 * Every item of a paginated listing, decoded page by page.
 *
 * @since 0.1.0
 * @category backfill
 */
export const list = <A, I>(
  sync: Http,
  path: string,
  query: Record<string, string>,
  schema: Schema.Schema<A, I>,
): Stream.Stream<A, HttpError, HttpTransport> =>
  paginateDecoded(
    sync.settings,
    path,
    { per_page: String(sync.config.perPage), ...query },
    { kind: 'link' },
    schema,
  )

/**
 * Every item of a paginated listing, collected.
 *
 * @since 0.1.0
 * @category backfill
 */
export const listAll = <A, I>(
  sync: Http,
  path: string,
  query: Record<string, string>,
  schema: Schema.Schema<ReadonlyArray<A>, I>,
): Effect.Effect<A[], HttpError, HttpTransport> =>
  collectPages(
    sync.settings,
    path,
    { per_page: String(sync.config.perPage), ...query },
    { kind: 'link' },
    schema,
  )

/**
 * GETs one resource and decodes it.
 *
 * @since 0.1.0
 * @category backfill
 */
export const getOne = <A, I>(
  sync: Http,
  path: string,
  schema: Schema.Schema<A, I>,
): Effect.Effect<A, HttpError, HttpTransport> =>
  Effect.flatMap(getJson(sync.settings, path), (response) => decodeBody(schema, `GET ${path}`, response.body))

/**
 * The item of each commit: from the join index, else looked up once per commit, however many runs
 * or deployments name it (and then remembered, unless the commit is gone: each fact on it is then
 * counted as unjoined).
 *
 * @since 0.1.0
 * @category backfill
 */
export const joinAll = (
  sync: RepositorySync,
  shas: Iterable<string>,
): Effect.Effect<ReadonlyMap<string, Joined>, HttpError, HttpTransport> =>
  Effect.forEach(
    [...new Set(shas)],
    (sha) =>
      Effect.suspend((): Effect.Effect<readonly [string, Joined], HttpError, HttpTransport> => {
        const known = sync.joins.get(sha)
        if (known !== undefined) return Effect.succeed([sha, { context: known }] as const)
        return commitContext(sync.settings, sync.repository, sha, sync.config).pipe(
          Effect.tap(({ context, unjoined }) =>
            Effect.sync(() => {
              if (unjoined === undefined) sync.joins.add(context, [sha])
            }),
          ),
          Effect.map((joined) => [sha, joined] as const),
        )
      }),
    { concurrency: 4 },
  ).pipe(Effect.map((entries) => new Map(entries)))
