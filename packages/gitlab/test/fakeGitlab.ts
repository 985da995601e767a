import { readFileSync } from 'node:fs'

/** A JSON fixture of this package's test/fixtures. */
export const fixture = <T = unknown>(name: string): T =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as T

/** The exact bytes of a fixture (webhook bodies). */
export const fixtureBytes = (name: string): Buffer =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url))

type Json = Record<string, unknown>

/**
 * A GitLab project as the fake serves it: its merge requests with their notes and commits, its
 * pipelines with their jobs and bridges (child pipelines are pipelines of the project too), its
 * deployments, which merge requests hold which commit, and what is gone since it was listed.
 * `requests` records every path and query asked for.
 */
export interface FakeProject {
  readonly id: number
  readonly path: string
  readonly mergeRequests: Json[]
  readonly notes: Record<number, Json[]>
  readonly commits: Record<number, Json[]>
  readonly pipelines: Json[]
  readonly jobs: Record<number, Json[]>
  readonly bridges: Record<number, Json[]>
  readonly deployments: Json[]
  /** The merge requests (by iid) that contain a commit, as `/repository/commits/:sha/merge_requests` lists them. */
  readonly commitMergeRequests: Record<string, number[]>
  readonly gone: {
    readonly commits: Set<string>
    readonly pipelines: Set<number>
    readonly mergeRequests: Set<number>
  }
  readonly requests: string[]
}

/** An empty fake project. */
export const fakeProject = (id: number, path: string, parts: Partial<FakeProject> = {}): FakeProject => ({
  id,
  path,
  mergeRequests: [],
  notes: {},
  commits: {},
  pipelines: [],
  jobs: {},
  bridges: {},
  deployments: [],
  commitMergeRequests: {},
  gone: { commits: new Set(), pipelines: new Set(), mergeRequests: new Set() },
  requests: [],
  ...parts,
})

/** The story's project acme/ledger (id 4821), from the fixtures. */
export const storyProject = (): FakeProject => {
  const mergeRequests = fixture<Json[]>('merge-requests-page1.json')
  return fakeProject(4821, 'acme/ledger', {
    mergeRequests,
    notes: { 23: fixture('merge-request-23-notes.json') },
    commits: { 23: fixture('merge-request-23-commits.json') },
    pipelines: fixture('pipelines.json'),
    jobs: { 30560: fixture('pipeline-30560-jobs.json'), 30551: fixture('pipeline-30551-jobs.json') },
    deployments: fixture('deployments.json'),
    commitMergeRequests: {
      '7c0ffee1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7': [23],
      d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3: [23],
    },
  })
}

const after = (item: Json, field: string, since: string | null) =>
  since === null || Date.parse(String(item[field])) >= Date.parse(since)

/** The offset page `page` of `items` (`X-Next-Page`, `X-Page`, `X-Total`... and a `Link` header). */
const offsetPage = (url: URL, items: ReadonlyArray<unknown>) => {
  const perPage = Number(url.searchParams.get('per_page') ?? '20')
  const page = Number(url.searchParams.get('page') ?? '1')
  const pages = Math.max(1, Math.ceil(items.length / perPage))
  const link = (n: number) => {
    const target = new URL(url)
    target.searchParams.set('page', String(n))
    return target.toString()
  }
  return {
    status: 200,
    body: items.slice((page - 1) * perPage, page * perPage),
    headers: {
      'x-page': String(page),
      'x-per-page': String(perPage),
      'x-next-page': page < pages ? String(page + 1) : '',
      'x-prev-page': page > 1 ? String(page - 1) : '',
      'x-total': String(items.length),
      'x-total-pages': String(pages),
      link: [
        ...(page < pages ? [`<${link(page + 1)}>; rel="next"`] : []),
        `<${link(1)}>; rel="first"`,
        `<${link(pages)}>; rel="last"`,
      ].join(', '),
    },
  }
}

const notFound = (what: string) => ({ status: 404, body: { message: `404 ${what} Not Found` } })

const byUpdated = (items: Json[]) =>
  [...items].sort((a, b) => Date.parse(String(a.updated_at)) - Date.parse(String(b.updated_at)))

/** Drops retried jobs (an earlier job of the same name) unless `include_retried=true`, as GitLab does. */
const jobsOf = (jobs: Json[], includeRetried: boolean) => {
  if (includeRetried) return [...jobs].sort((a, b) => Number(b.id) - Number(a.id))
  const latest = new Map<string, Json>()
  for (const job of [...jobs].sort((a, b) => Number(a.id) - Number(b.id))) latest.set(String(job.name), job)
  return [...latest.values()].sort((a, b) => Number(b.id) - Number(a.id))
}

/**
 * What GitLab's REST API answers for a request to the fake projects (paths after `/api/v4`), or
 * undefined for a path the fake does not know.
 */
export const answer = (
  projects: ReadonlyArray<FakeProject>,
  url: URL,
  groups: Record<string, ReadonlyArray<number>> = {},
): { status: number; body: unknown; headers?: Record<string, string> } => {
  const path = url.pathname.replace(/^.*\/api\/v4/, '')
  const query = url.searchParams
  const group = /^\/groups\/([^/]+)\/projects$/.exec(path)
  if (group !== null) {
    const ids = groups[decodeURIComponent(group[1]!)]
    if (ids === undefined) return notFound('Group')
    const perPage = Number(query.get('per_page') ?? '20')
    const afterId = Number(query.get('id_after') ?? '0')
    const listed = projects
      .filter((project) => ids.includes(project.id) && project.id > afterId)
      .sort((a, b) => a.id - b.id)
    const page = listed.slice(0, perPage)
    const next = new URL(url)
    next.searchParams.set('id_after', String(page.at(-1)?.id ?? afterId))
    return {
      status: 200,
      body: page.map((project) => ({
        id: project.id,
        path_with_namespace: project.path,
        name: project.path.split('/').at(-1),
      })),
      headers: listed.length > perPage ? { link: `<${next.toString()}>; rel="next"` } : {},
    }
  }
  const match = /^\/projects\/([^/]+)(\/.*)?$/.exec(path)
  if (match === null) return notFound('Path')
  const key = decodeURIComponent(match[1]!)
  const project = projects.find((candidate) => String(candidate.id) === key || candidate.path === key)
  if (project === undefined) return notFound('Project')
  project.requests.push(`${path}${url.search}`)
  const rest = match[2] ?? ''
  if (rest === '')
    return { status: 200, body: { id: project.id, path_with_namespace: project.path, name: project.path } }
  if (rest === '/merge_requests') {
    const since = query.get('updated_after')
    return offsetPage(url, byUpdated(project.mergeRequests.filter((mr) => after(mr, 'updated_at', since))))
  }
  const mr = /^\/merge_requests\/(\d+)(\/notes|\/commits)?$/.exec(rest)
  if (mr !== null) {
    const iid = Number(mr[1])
    const found = project.mergeRequests.find((candidate) => candidate.iid === iid)
    if (found === undefined || project.gone.mergeRequests.has(iid)) return notFound('Merge Request')
    if (mr[2] === '/notes') return offsetPage(url, project.notes[iid] ?? [])
    if (mr[2] === '/commits') return offsetPage(url, project.commits[iid] ?? [])
    return { status: 200, body: found }
  }
  const commit = /^\/repository\/commits\/([0-9a-f]+)\/merge_requests$/.exec(rest)
  if (commit !== null) {
    if (project.gone.commits.has(commit[1]!)) return notFound('Commit')
    const iids = project.commitMergeRequests[commit[1]!] ?? []
    return offsetPage(
      url,
      project.mergeRequests.filter((candidate) => iids.includes(Number(candidate.iid))),
    )
  }
  if (rest === '/pipelines') {
    const since = query.get('updated_after')
    const sha = query.get('sha')
    return offsetPage(
      url,
      byUpdated(
        project.pipelines.filter(
          (pipeline) => after(pipeline, 'updated_at', since) && (sha === null || pipeline.sha === sha),
        ),
      ),
    )
  }
  const pipeline = /^\/pipelines\/(\d+)(\/jobs|\/bridges)?$/.exec(rest)
  if (pipeline !== null) {
    const id = Number(pipeline[1])
    const found = project.pipelines.find((candidate) => candidate.id === id)
    if (found === undefined || project.gone.pipelines.has(id)) return notFound('Pipeline')
    if (pipeline[2] === '/jobs')
      return offsetPage(url, jobsOf(project.jobs[id] ?? [], query.get('include_retried') === 'true'))
    if (pipeline[2] === '/bridges') return offsetPage(url, project.bridges[id] ?? [])
    return { status: 200, body: found }
  }
  if (rest === '/deployments') {
    const since = query.get('updated_after')
    return offsetPage(
      url,
      byUpdated(project.deployments.filter((deployment) => after(deployment, 'updated_at', since))),
    )
  }
  const deployment = /^\/deployments\/(\d+)$/.exec(rest)
  if (deployment !== null) {
    const found = project.deployments.find((candidate) => candidate.id === Number(deployment[1]))
    return found === undefined ? notFound('Deployment') : { status: 200, body: found }
  }
  return notFound('Path')
}
