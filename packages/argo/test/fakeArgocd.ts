import { HttpResponse, http, type RequestHandler } from 'msw'
import { type ArgocdConfig, argocdAdapter } from '../src/index.js'
import { fixture } from './fixtures.js'
import { configOf } from './support.js'

export const BASE = 'https://argocd.acme.example'
export const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.argocd-test-token.c2lnbmF0dXJl'
export const WEBHOOK_TOKEN = 'herbie-argocd-webhook-token'

type Json = Record<string, unknown>

/** An application as the fake serves it: any JSON with a name. */
export interface App {
  readonly metadata: { readonly name: string }
}

export interface FakeArgocd {
  readonly handlers: RequestHandler[]
  /** The path and query of every request, in order. */
  readonly requests: string[]
  /** The applications served, changed between syncs by the tests. */
  apps: App[]
  /** What `syncwindows` answers, by application name (default `canSync: true`). */
  windows: Record<string, Json>
}

const error = (name: string, status: number) =>
  HttpResponse.json(fixture(`errors/${name}`), { status, headers: { 'content-type': 'application/json' } })

/** The story's payments applications after entry 41 (`applications-list.json`). */
export const storyApps = (): App[] => fixture<{ items: App[] }>('applications-list.json').items

/** The same list on 2026-03-04 at 17:46, when payments-prod's sync had just failed. */
export const failedSyncApps = (): App[] =>
  storyApps().map((app) =>
    app.metadata.name === 'payments-prod' ? fixture<App>('application-payments-prod-failed-sync.json') : app,
  )

/**
 * An Argo CD serving applications from memory the way its API server does: the list (every
 * application at once, `projects` and `selector` ignored), one application by name (403
 * `permission denied` for a name it does not hold, as Argo CD answers) and its sync windows. A
 * request without `Authorization: Bearer TOKEN` gets Argo CD's 401.
 */
export const fakeArgocd = (apps: App[] = storyApps()): FakeArgocd => {
  const fake: FakeArgocd = { handlers: [], requests: [], apps, windows: {} }
  const authorized = (request: Request) => request.headers.get('authorization') === `Bearer ${TOKEN}`
  const seen = (request: Request) => {
    const url = new URL(request.url)
    fake.requests.push(`${url.pathname}${url.search}`)
  }
  fake.handlers.push(
    http.get(`${BASE}/api/v1/applications`, ({ request }) => {
      seen(request)
      if (!authorized(request)) return error('401.json', 401)
      return HttpResponse.json({ metadata: { resourceVersion: '48812790' }, items: fake.apps })
    }),
    http.get(`${BASE}/api/v1/applications/:name/syncwindows`, ({ request, params }) => {
      seen(request)
      if (!authorized(request)) return error('401.json', 401)
      if (!fake.apps.some((app) => app.metadata.name === params.name)) return error('403.json', 403)
      return HttpResponse.json(fake.windows[String(params.name)] ?? { canSync: true })
    }),
    http.get(`${BASE}/api/v1/applications/:name`, ({ request, params }) => {
      seen(request)
      if (!authorized(request)) return error('401.json', 401)
      const app = fake.apps.find((candidate) => candidate.metadata.name === params.name)
      return app === undefined ? error('403.json', 403) : HttpResponse.json(app)
    }),
  )
  return fake
}

/** The story's Argo CD options as a user writes them (the fake's address and token), with `extra` on top. */
export const storyConfig = (extra: Record<string, unknown> = {}): ArgocdConfig =>
  configOf(argocdAdapter, { baseUrl: BASE, token: TOKEN, ...extra })
