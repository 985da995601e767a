/**
 * A repository as GitHub's REST API serves it, as plain data, and the answer GitHub would give to
 * each request the adapter makes. Shared by the msw handlers of the adapter's tests and the
 * loopback server of the CLI's: one model of GitHub's behaviour, two transports.
 */

export interface FakePull {
  readonly number: number
  readonly title: string
  readonly body: string | null
  readonly state: 'open' | 'closed'
  readonly draft: boolean
  readonly created_at: string
  readonly updated_at: string
  readonly closed_at: string | null
  readonly merged_at: string | null
  readonly merge_commit_sha: string | null
  readonly head: { readonly ref: string; readonly sha: string }
  readonly user: { readonly login: string }
}

export interface FakeRun {
  readonly id: number
  readonly name: string
  readonly path: string
  readonly event: string
  readonly status: string
  readonly conclusion: string | null
  readonly head_sha: string
  readonly head_branch: string
  readonly created_at: string
  readonly run_started_at: string
  readonly updated_at: string
  readonly run_attempt: number
  readonly pull_requests: ReadonlyArray<{ readonly number: number }>
}

export interface FakeJob {
  readonly id: number
  readonly name: string
  readonly run_id: number
  readonly run_attempt: number
  readonly status: string
  readonly conclusion: string | null
  readonly created_at: string
  readonly started_at: string
  readonly completed_at: string | null
}

export interface FakeDeployment {
  readonly id: number
  readonly sha: string
  readonly ref: string
  readonly environment: string
  readonly production_environment: boolean
  readonly created_at: string
}

export interface FakeStatus {
  readonly id: number
  readonly state: string
  readonly created_at: string
}

/** The repository: everything is mutable, so a test can change it between two syncs. */
export interface FakeRepository {
  readonly name: string
  pulls: FakePull[]
  timelines: Record<number, object[]>
  runs: FakeRun[]
  jobs: FakeJob[]
  deployments: FakeDeployment[]
  statuses: Record<number, FakeStatus[]>
  /** Commits force-pushed away: `/commits/{sha}/pulls` answers 422. */
  goneCommits: Set<string>
  /** Runs deleted after they were listed: their jobs and themselves answer 404. */
  deletedRuns: Set<number>
  /** Every request, as `path?query`. */
  requests: string[]
}

export const fakeRepository = (
  name: string,
  parts: Partial<Omit<FakeRepository, 'name'>> = {},
): FakeRepository => ({
  name,
  pulls: [],
  timelines: {},
  runs: [],
  jobs: [],
  deployments: [],
  statuses: {},
  goneCommits: new Set(),
  deletedRuns: new Set(),
  requests: [],
  ...parts,
})

const at = (base: string, minutes: number) =>
  new Date(Date.parse(base) + minutes * 60_000).toISOString().replace('.000Z', 'Z')

/** Instants as minutes after a day's start: `t('2026-04-06', 90)` is 01:30Z. */
export const t = (day: string, minutes: number): string => at(`${day}T00:00:00Z`, minutes)

export const pull = (
  number: number,
  options: {
    readonly created: string
    readonly sha: string
    readonly merged?: { readonly at: string; readonly sha: string }
    readonly closed?: string
    readonly updated?: string
  },
): FakePull => ({
  number,
  title: `Change ${number}`,
  body: null,
  state: options.merged === undefined && options.closed === undefined ? 'open' : 'closed',
  draft: false,
  created_at: options.created,
  updated_at: options.updated ?? options.merged?.at ?? options.closed ?? options.created,
  closed_at: options.merged?.at ?? options.closed ?? null,
  merged_at: options.merged?.at ?? null,
  merge_commit_sha: options.merged?.sha ?? null,
  head: { ref: `change-${number}`, sha: options.sha },
  user: { login: 'dev' },
})

/** A run with one job per attempt listed in `attempts` (each `[queued, start, end, conclusion]`). */
export const run = (
  id: number,
  options: {
    readonly name: string
    readonly event: string
    readonly sha: string
    readonly attempts: ReadonlyArray<readonly [string, string, string | null, string | null]>
    readonly pulls?: ReadonlyArray<number>
  },
): { readonly run: FakeRun; readonly jobs: FakeJob[] } => {
  const latest = options.attempts.at(-1)!
  const [queued, , end, conclusion] = latest
  return {
    run: {
      id,
      name: options.name,
      path: `.github/workflows/${options.name.toLowerCase().replace(/\W+/g, '-')}.yml`,
      event: options.event,
      status: end === null ? 'in_progress' : 'completed',
      conclusion: end === null ? null : conclusion,
      head_sha: options.sha,
      head_branch: 'main',
      created_at: options.attempts[0]![0],
      run_started_at: queued,
      updated_at: end ?? latest[1],
      run_attempt: options.attempts.length,
      pull_requests: (options.pulls ?? []).map((number) => ({ number })),
    },
    jobs: options.attempts.map(([queuedAt, start, finish, outcome], index) => ({
      id: id * 10 + index,
      name: 'build',
      run_id: id,
      run_attempt: index + 1,
      status: finish === null ? 'in_progress' : 'completed',
      conclusion: finish === null ? null : outcome,
      created_at: queuedAt,
      started_at: start,
      completed_at: finish,
    })),
  }
}

export const addRuns = (repository: FakeRepository, ...runs: ReadonlyArray<ReturnType<typeof run>>) => {
  for (const made of runs) {
    repository.runs = [...repository.runs.filter((known) => known.id !== made.run.id), made.run]
    repository.jobs = [...repository.jobs.filter((job) => job.run_id !== made.run.id), ...made.jobs]
  }
}

/** A timeline with one commit per SHA (authored at `created`). */
export const commits = (created: string, ...shas: string[]): object[] =>
  shas.map((sha) => ({
    event: 'committed',
    sha,
    message: `work on ${sha.slice(0, 7)}`,
    author: { date: created },
  }))

export interface Answer {
  readonly status: number
  readonly body: unknown
  readonly headers?: Record<string, string>
}

const newestFirst = <A>(items: ReadonlyArray<A>, time: (item: A) => string) =>
  [...items].sort((a, b) => Date.parse(time(b)) - Date.parse(time(a)))

const notFound: Answer = {
  status: 404,
  body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' },
}

/** One page of a listing, with a `Link` to the next as GitHub gives it. */
const page = (url: URL, items: ReadonlyArray<unknown>, wrap?: (items: unknown[]) => unknown): Answer => {
  const size = Number(url.searchParams.get('per_page') ?? '30')
  const number = Number(url.searchParams.get('page') ?? '1')
  const slice = items.slice((number - 1) * size, number * size)
  const next = new URL(url)
  next.searchParams.set('page', String(number + 1))
  return {
    status: 200,
    body: wrap === undefined ? slice : wrap(slice),
    ...(number * size < items.length ? { headers: { link: `<${next.toString()}>; rel="next"` } } : {}),
  }
}

/** GitHub's answer to `GET url` (the API root is `url`'s origin plus `prefix`). */
export const answer = (repository: FakeRepository, url: URL, prefix = ''): Answer => {
  const path = url.pathname.slice(prefix.length)
  repository.requests.push(`${path}${url.search}`)
  const base = `/repos/${repository.name}`
  if (!path.startsWith(base)) return notFound
  const rest = path.slice(base.length)
  if (rest === '/pulls')
    return page(
      url,
      newestFirst(repository.pulls, (pull) => pull.updated_at),
    )
  if (rest === '/issues') return page(url, [])
  const timeline = /^\/issues\/(\d+)\/timeline$/.exec(rest)
  if (timeline !== null) {
    const events = repository.timelines[Number(timeline[1])]
    return events === undefined ? notFound : page(url, events)
  }
  if (rest === '/actions/runs') {
    const created = url.searchParams.get('created')
    const sha = url.searchParams.get('head_sha')
    const since = created === null ? Number.NEGATIVE_INFINITY : Date.parse(created.replace('>=', ''))
    const runs = newestFirst(repository.runs, (run) => run.created_at).filter(
      (run) => Date.parse(run.created_at) >= since && (sha === null || run.head_sha === sha),
    )
    return page(url, runs, (slice) => ({ total_count: runs.length, workflow_runs: slice }))
  }
  const oneRun = /^\/actions\/runs\/(\d+)$/.exec(rest)
  if (oneRun !== null) {
    const id = Number(oneRun[1])
    const found = repository.runs.find((run) => run.id === id)
    return found === undefined || repository.deletedRuns.has(id) ? notFound : { status: 200, body: found }
  }
  const jobs = /^\/actions\/runs\/(\d+)\/jobs$/.exec(rest)
  if (jobs !== null) {
    const id = Number(jobs[1])
    const found = repository.runs.find((run) => run.id === id)
    if (found === undefined || repository.deletedRuns.has(id)) return notFound
    const all = url.searchParams.get('filter') === 'all'
    const own = repository.jobs.filter(
      (job) => job.run_id === id && (all || job.run_attempt === found.run_attempt),
    )
    return page(url, own, (slice) => ({ total_count: own.length, jobs: slice }))
  }
  const pullsOfCommit = /^\/commits\/([0-9a-f]+)\/pulls$/.exec(rest)
  if (pullsOfCommit !== null) {
    const sha = pullsOfCommit[1]!
    if (repository.goneCommits.has(sha))
      return {
        status: 422,
        body: {
          message: `No commit found for SHA: ${sha}`,
          documentation_url:
            'https://docs.github.com/rest/commits/commits#list-pull-requests-associated-with-a-commit',
          status: '422',
        },
      }
    const holding = repository.pulls.filter(
      (pull) =>
        pull.head.sha === sha ||
        pull.merge_commit_sha === sha ||
        (repository.timelines[pull.number] ?? []).some((event) => (event as { sha?: string }).sha === sha),
    )
    return page(url, holding)
  }
  if (rest === '/deployments')
    return page(
      url,
      newestFirst(repository.deployments, (d) => d.created_at),
    )
  const deployment = /^\/deployments\/(\d+)$/.exec(rest)
  if (deployment !== null) {
    const found = repository.deployments.find((d) => d.id === Number(deployment[1]))
    return found === undefined ? notFound : { status: 200, body: found }
  }
  const statuses = /^\/deployments\/(\d+)\/statuses$/.exec(rest)
  if (statuses !== null) {
    const own = repository.statuses[Number(statuses[1])]
    return own === undefined
      ? notFound
      : page(
          url,
          newestFirst(own, (status) => status.created_at),
        )
  }
  return notFound
}
