import {
  collectPages,
  decodeBody,
  type EventContext,
  getJson,
  type HttpError,
  type HttpSettings,
  type HttpTransport,
  type JoinIndex,
  type StageMapping,
  unlessGone,
} from '@herbie/core'
import { Effect, Either, Schema } from 'effect'
import { MergeRequest, type Project } from './api.js'
import type { ProjectState } from './checkpoint.js'
import type { GitlabConfig } from './config.js'
import { mergeRequestKey } from './mapping.js'
import { mergeRequestContext, mergeRequestShas } from './mergeRequestEvents.js'

/**
 * What a request needs: the HTTP settings and the page size.
 *
 * @since 0.1.0
 * @category backfill
 */
export interface Http {
  readonly settings: HttpSettings
  readonly config: GitlabConfig
}

/**
 * What the parts of one project's sync share: the project, the options, the previous sync's
 * state, the join index being built and the instant this sync began.
 *
 * @since 0.1.0
 * @category backfill
 */
export interface ProjectSync extends Http {
  readonly project: Project
  readonly stages: StageMapping
  /** Sync only what was updated from this instant on (undefined: everything). */
  readonly since: string | undefined
  readonly startedAt: string
  readonly previous: ProjectState | undefined
  readonly joins: JoinIndex
}

/**
 * Every item of a listing paginated by offset (`X-Next-Page`), decoded page by page and collected.
 *
 * @since 0.1.0
 * @category backfill
 */
export const listAll = <A, I>(
  http: Http,
  path: string,
  query: Record<string, string>,
  schema: Schema.Schema<A, I>,
): Effect.Effect<A[], HttpError, HttpTransport> =>
  collectPages(
    http.settings,
    path,
    { per_page: String(http.config.perPage), ...query },
    { kind: 'next-page-header' },
    Schema.Array(schema),
  )

/**
 * GETs one resource and decodes it.
 *
 * @since 0.1.0
 * @category backfill
 */
export const getOne = <A, I>(
  http: Http,
  path: string,
  schema: Schema.Schema<A, I>,
): Effect.Effect<A, HttpError, HttpTransport> =>
  Effect.flatMap(getJson(http.settings, path), (response) =>
    decodeBody('gitlab', schema, `GET ${path}`, response.body),
  )

/**
 * The context of a commit no merge request claims: its own item, `gitlab:GROUP/NAME@SHA`. Like
 * every GitLab context it names the project in `attributes.repository`, the scope in which the
 * analysis picks the done rule.
 *
 * @since 0.1.0
 * @category mapping
 */
export const bareCommitContext = (project: string, sha: string): EventContext => ({
  itemId: `gitlab:${project}@${sha}`,
  links: [{ kind: 'commit', id: sha }],
  attributes: { repository: project },
})

/**
 * A joined context, and why it could not be joined to a merge request when it could not.
 *
 * @since 0.1.0
 * @category backfill
 */
export interface Joined {
  readonly context: EventContext
  readonly unjoined?: string
}

/**
 * What a pipeline or a deployment joins by: the merge request its ref names
 * (`refs/merge-requests/23/head`, `/merge`, `/train`) or else its commit.
 *
 * @since 0.1.0
 * @category backfill
 */
export const joinKey = (fact: { readonly ref: string; readonly sha: string }): string => {
  const iid = /^refs\/merge-requests\/(\d+)\//.exec(fact.ref)?.[1]
  return iid === undefined ? fact.sha : mergeRequestKey(Number(iid))
}

const remember = (
  http: Http & { readonly joins: JoinIndex },
  project: string,
  mergeRequest: MergeRequest,
) => {
  const context = mergeRequestContext(project, mergeRequest, [], http.config.issueKeyPattern)
  http.joins.add(context, [...mergeRequestShas(mergeRequest), mergeRequestKey(mergeRequest.iid)])
  return context
}

/**
 * The item of one join key, asked of GitLab: the merge request a ref names
 * (`GET /projects/:id/merge_requests/:iid`), or the first merge request of a commit
 * (`GET /projects/:id/repository/commits/:sha/merge_requests`), or the commit itself when none
 * has it. A merge request or commit GitLab no longer has (404) leaves the fact on the bare commit
 * item, and `unjoined` says why.
 *
 * @since 0.1.0
 * @category backfill
 */
export const lookUp = (
  http: Http & { readonly joins: JoinIndex },
  project: Project,
  key: string,
  sha: string,
): Effect.Effect<Joined, HttpError, HttpTransport> => {
  const path = project.path_with_namespace
  const bare = (unjoined: string): Joined => ({ context: bareCommitContext(path, sha), unjoined })
  if (key.startsWith('!')) {
    return unlessGone(
      getOne(http, `/projects/${project.id}/merge_requests/${key.slice(1)}`, MergeRequest),
      'merge request gone',
    ).pipe(
      Effect.map(
        Either.match({ onLeft: bare, onRight: (found) => ({ context: remember(http, path, found) }) }),
      ),
    )
  }
  return unlessGone(
    listAll(http, `/projects/${project.id}/repository/commits/${sha}/merge_requests`, {}, MergeRequest),
    'commit gone',
  ).pipe(
    Effect.map(
      Either.match({
        onLeft: bare,
        onRight: (found) =>
          found[0] === undefined
            ? { context: bareCommitContext(path, sha) }
            : { context: remember(http, path, found[0]) },
      }),
    ),
  )
}

/**
 * The item of each fact (a pipeline, a deployment) by its join key: from the join index, else
 * looked up once per key however many facts name it.
 *
 * @since 0.1.0
 * @category backfill
 */
export const joinAll = (
  sync: ProjectSync,
  facts: ReadonlyArray<{ readonly ref: string; readonly sha: string }>,
): Effect.Effect<ReadonlyMap<string, Joined>, HttpError, HttpTransport> => {
  const keys = new Map(facts.map((fact) => [joinKey(fact), fact.sha]))
  return Effect.forEach(
    [...keys],
    ([key, sha]) =>
      Effect.suspend((): Effect.Effect<readonly [string, Joined], HttpError, HttpTransport> => {
        const known = sync.joins.get(key) ?? (key.startsWith('!') ? undefined : sync.joins.get(sha))
        if (known !== undefined) return Effect.succeed([key, { context: known }] as const)
        return lookUp(sync, sync.project, key, sha).pipe(
          Effect.tap(({ context, unjoined }) =>
            Effect.sync(() => {
              if (unjoined === undefined) sync.joins.add(context, [key, sha])
            }),
          ),
          Effect.map((joined) => [key, joined] as const),
        )
      }),
    { concurrency: 4 },
  ).pipe(Effect.map((entries) => new Map(entries)))
}
