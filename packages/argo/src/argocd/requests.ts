import {
  ConfigInvalid,
  decodeBody,
  getJson,
  type HttpError,
  type HttpSettings,
  type HttpTransport,
  notify,
  unlessGone,
} from '@herbie/core'
import { Effect, type Either } from 'effect'
import { Application, ApplicationList, SyncWindows } from './api.js'
import type { ArgocdConfig } from './config.js'

/**
 * The path of the application list with the config's filters: `projects` (repeated, as
 * grpc-gateway reads a repeated field) and `selector`.
 *
 * @since 0.1.0
 * @category backfill
 */
export const listPath = (config: Pick<ArgocdConfig, 'projects' | 'selector'>): string => {
  const query = new URLSearchParams()
  for (const project of config.projects) query.append('projects', project)
  if (config.selector !== undefined) query.set('selector', config.selector)
  const text = query.toString()
  return `/api/v1/applications${text === '' ? '' : `?${text}`}`
}

/**
 * The applications to sync, in one request (Argo CD lists without pages): every one the list
 * gives, or those `apps` names. A named application the list does not hold fails with
 * `ConfigInvalid` on `apps`, naming it.
 *
 * @since 0.1.0
 * @category backfill
 */
export const listApplications = (
  settings: HttpSettings,
  config: ArgocdConfig,
): Effect.Effect<ReadonlyArray<Application>, HttpError | ConfigInvalid, HttpTransport> => {
  const path = listPath(config)
  return getJson(settings, path).pipe(
    Effect.tap((response) => notify(settings, { kind: 'page', url: response.url })),
    Effect.flatMap((response) =>
      decodeBody('argocd', ApplicationList, 'GET /api/v1/applications', response.body),
    ),
    Effect.flatMap(({ items }) => {
      const apps = items ?? []
      if (config.apps.length === 0) return Effect.succeed(apps)
      const missing = config.apps.filter((name) => !apps.some((app) => app.metadata.name === name))
      if (missing.length > 0) {
        return Effect.fail(
          new ConfigInvalid({
            adapter: 'argocd',
            field: 'apps',
            reason: `no application ${missing.join(', ')} among the ${apps.length} the token can see at ${settings.baseUrl}${path === '/api/v1/applications' ? '' : ` (${path.slice('/api/v1/applications?'.length)})`}`,
          }),
        )
      }
      return Effect.succeed(apps.filter((app) => config.apps.includes(app.metadata.name)))
    }),
  )
}

/**
 * An application's sync windows (`GET /api/v1/applications/{name}/syncwindows`), or why not:
 * `sync windows unavailable (404)` (an Argo CD without the endpoint, an application deleted
 * since the list).
 *
 * @since 0.1.0
 * @category backfill
 */
export const syncWindowsOf = (
  settings: HttpSettings,
  app: Application,
): Effect.Effect<Either.Either<SyncWindows, string>, HttpError, HttpTransport> => {
  const path = `/api/v1/applications/${encodeURIComponent(app.metadata.name)}/syncwindows`
  const query = app.metadata.namespace === undefined ? {} : { appNamespace: app.metadata.namespace }
  return unlessGone(
    getJson(settings, path, query).pipe(
      Effect.flatMap((response) =>
        decodeBody('argocd', SyncWindows, 'GET /api/v1/applications/{name}/syncwindows', response.body),
      ),
    ),
    'sync windows unavailable',
  )
}

/**
 * One application (`GET /api/v1/applications/{name}`, `appNamespace` for one outside Argo CD's
 * own namespace), or why not: `application gone (404)`.
 *
 * @since 0.1.0
 * @category backfill
 */
export const getApplication = (
  settings: HttpSettings,
  name: string,
  appNamespace: string | undefined,
): Effect.Effect<Either.Either<Application, string>, HttpError, HttpTransport> =>
  unlessGone(
    getJson(
      settings,
      `/api/v1/applications/${encodeURIComponent(name)}`,
      appNamespace === undefined ? {} : { appNamespace },
    ).pipe(
      Effect.flatMap((response) =>
        decodeBody('argocd', Application, 'GET /api/v1/applications/{name}', response.body),
      ),
    ),
    'application gone',
  )
