import {
  decodeBody,
  getJson,
  type HttpError,
  type HttpSettings,
  type HttpTransport,
  type Pagination,
  paginateDecoded,
  unlessGone,
} from '@herbie/core'
import { Effect, type Either, Option, Schema, Stream } from 'effect'
import { Workflow, WorkflowList } from './api.js'
import type { ArgoWorkflowsConfig } from './config.js'

const ContinueToken = Schema.Struct({ metadata: Schema.Struct({ continue: Schema.optional(Schema.String) }) })
const decodeContinue = Schema.decodeUnknownOption(ContinueToken)

/** Argo's `listOptions.continue` cursor: the token the page's `metadata.continue` gives. */
const CONTINUE: Pagination = {
  kind: 'cursor',
  param: 'listOptions.continue',
  next: (body) => Option.getOrUndefined(decodeContinue(body))?.metadata.continue,
}

const listQuery = (config: ArgoWorkflowsConfig): Record<string, string> => ({
  'listOptions.limit': String(config.pageSize),
  ...(config.labelSelector === undefined ? {} : { 'listOptions.labelSelector': config.labelSelector }),
})

/** The workflows of a paged list endpoint, page after page. */
const workflowPages = (
  settings: HttpSettings,
  path: string,
  query: Readonly<Record<string, string>>,
): Stream.Stream<Workflow, HttpError, HttpTransport> =>
  paginateDecoded(settings, path, query, CONTINUE, WorkflowList).pipe(
    Stream.flatMap((page) => Stream.fromIterable(page.items ?? [])),
  )

/**
 * The workflows of the config's namespace (every namespace the token can see without one), a
 * page of `pageSize` at a time (`listOptions.limit`, `listOptions.continue`), only those created
 * at or after `createdAfter` when given.
 *
 * @since 0.1.0
 * @category backfill
 */
export const listWorkflows = (
  settings: HttpSettings,
  config: ArgoWorkflowsConfig,
  createdAfter: string | undefined,
): Stream.Stream<Workflow, HttpError, HttpTransport> =>
  workflowPages(
    settings,
    `/api/v1/workflows/${config.namespace === undefined ? '' : encodeURIComponent(config.namespace)}`,
    { ...listQuery(config), ...(createdAfter === undefined ? {} : { createdAfter }) },
  )

/**
 * The archived workflows of the config's namespace (`/api/v1/archived-workflows`), a page at a
 * time; the archive's list leaves `status.nodes` out, see {@link getArchivedWorkflow}.
 *
 * @since 0.1.0
 * @category backfill
 */
export const listArchivedWorkflows = (
  settings: HttpSettings,
  config: ArgoWorkflowsConfig,
): Stream.Stream<Workflow, HttpError, HttpTransport> =>
  workflowPages(settings, '/api/v1/archived-workflows', {
    ...listQuery(config),
    ...(config.namespace === undefined ? {} : { namespace: config.namespace }),
  })

/** One workflow by path, or why not (`SUBJECT (404)`). */
const oneWorkflow = (settings: HttpSettings, path: string, endpoint: string, subject: string) =>
  unlessGone(
    getJson(settings, path).pipe(
      Effect.flatMap((response) => decodeBody(settings.source, Workflow, endpoint, response.body)),
    ),
    subject,
  )

/**
 * One live workflow by name (`GET /api/v1/workflows/{namespace}/{name}`), or why not:
 * `workflow gone (404)` (deleted, or garbage-collected into the archive).
 *
 * @since 0.1.0
 * @category backfill
 */
export const getWorkflow = (
  settings: HttpSettings,
  namespace: string,
  name: string,
): Effect.Effect<Either.Either<Workflow, string>, HttpError, HttpTransport> =>
  oneWorkflow(
    settings,
    `/api/v1/workflows/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`,
    'GET /api/v1/workflows/{namespace}/{name}',
    'workflow gone',
  )

/**
 * One archived workflow with its nodes (`GET /api/v1/archived-workflows/{uid}`), or why not:
 * `archived workflow gone (404)`.
 *
 * @since 0.1.0
 * @category backfill
 */
export const getArchivedWorkflow = (
  settings: HttpSettings,
  uid: string,
): Effect.Effect<Either.Either<Workflow, string>, HttpError, HttpTransport> =>
  oneWorkflow(
    settings,
    `/api/v1/archived-workflows/${encodeURIComponent(uid)}`,
    'GET /api/v1/archived-workflows/{uid}',
    'archived workflow gone',
  )
