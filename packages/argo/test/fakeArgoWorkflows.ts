import { HttpResponse, http, type RequestHandler } from 'msw'
import { fixture } from './fixtures.js'

export const WF_BASE = 'https://argo.acme.example'
export const WF_TOKEN = 'eyJhbGciOiJSUzI1NiJ9.argo-workflows-sa-token.c2ln'

/** A workflow as the fake serves it: any JSON with a name and a creation time. */
export interface FakeWorkflow {
  readonly metadata: {
    readonly name: string
    readonly namespace: string
    readonly uid: string
    readonly creationTimestamp: string
  }
  readonly status?: object
}

export interface FakeArgoWorkflows {
  readonly handlers: RequestHandler[]
  /** The path and query of every request, in order. */
  readonly requests: string[]
  /** The live workflows, changed between syncs by the tests. */
  live: FakeWorkflow[]
  /** The archived workflows. */
  archived: FakeWorkflow[]
}

/** The story's payments-ci workflows (`workflows-list.json`): the integration tests of 9f1c2e7 and of b2c3d4e. */
export const storyWorkflows = (): FakeWorkflow[] =>
  fixture<{ items: FakeWorkflow[] }>('workflows-list.json').items

/**
 * An Argo Server serving workflows from memory the way its API does: lists newest first, cut into
 * pages by `listOptions.limit` with an offset as the `listOptions.continue` token (as Argo
 * Server gives it), `createdAfter` (inclusive here) and the namespace in the path (empty: all);
 * one workflow by name; the archive's list (without `status.nodes`) and one archived workflow by
 * uid. A request without `Authorization: Bearer WF_TOKEN` gets the server's 401.
 */
export const fakeArgoWorkflows = (live: FakeWorkflow[] = storyWorkflows(), archived: FakeWorkflow[] = []) => {
  const fake: FakeArgoWorkflows = { handlers: [], requests: [], live, archived }
  const refused = (request: Request) => {
    const url = new URL(request.url)
    fake.requests.push(`${url.pathname}${url.search}`)
    return request.headers.get('authorization') === `Bearer ${WF_TOKEN}`
      ? undefined
      : HttpResponse.json(fixture('errors/workflows-401.json'), { status: 401 })
  }
  const page = (request: Request, items: ReadonlyArray<FakeWorkflow>) => {
    const query = new URL(request.url).searchParams
    const limit = Number(query.get('listOptions.limit') ?? '0')
    const offset = Number(query.get('listOptions.continue') ?? '0')
    const after = query.get('createdAfter')
    const sorted = items
      .filter((item) => after === null || Date.parse(item.metadata.creationTimestamp) >= Date.parse(after))
      .sort((a, b) => Date.parse(b.metadata.creationTimestamp) - Date.parse(a.metadata.creationTimestamp))
    const slice = limit === 0 ? sorted.slice(offset) : sorted.slice(offset, offset + limit)
    const more = limit !== 0 && offset + limit < sorted.length
    return HttpResponse.json({
      metadata: { resourceVersion: '48812000', ...(more ? { continue: String(offset + limit) } : {}) },
      items: slice.length === 0 ? null : slice,
    })
  }
  const list = ({
    request,
    params,
  }: {
    request: Request
    params: { namespace?: string | readonly string[] }
  }) =>
    refused(request) ??
    page(
      request,
      fake.live.filter(
        (item) => params.namespace === undefined || item.metadata.namespace === params.namespace,
      ),
    )
  fake.handlers.push(
    http.get(`${WF_BASE}/api/v1/workflows/`, list),
    http.get(`${WF_BASE}/api/v1/workflows/:namespace`, list),
    http.get(`${WF_BASE}/api/v1/workflows/:namespace/:name`, ({ request, params }) => {
      const found = fake.live.find(
        (item) => item.metadata.namespace === params.namespace && item.metadata.name === params.name,
      )
      return (
        refused(request) ??
        (found === undefined
          ? HttpResponse.json(
              { code: 5, message: `workflows.argoproj.io "${params.name}" not found` },
              { status: 404 },
            )
          : HttpResponse.json(found))
      )
    }),
    http.get(`${WF_BASE}/api/v1/archived-workflows`, ({ request }) => {
      const query = new URL(request.url).searchParams.get('namespace')
      const items = fake.archived
        .filter((item) => query === null || item.metadata.namespace === query)
        .map(({ status, ...rest }) => ({ ...rest, status: { ...status, nodes: undefined } }))
      return refused(request) ?? page(request, items)
    }),
    http.get(`${WF_BASE}/api/v1/archived-workflows/:uid`, ({ request, params }) => {
      const found = fake.archived.find((item) => item.metadata.uid === params.uid)
      return (
        refused(request) ??
        (found === undefined
          ? HttpResponse.json({ code: 5, message: 'not found' }, { status: 404 })
          : HttpResponse.json(found))
      )
    }),
  )
  return fake
}
