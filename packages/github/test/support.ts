import { readFileSync } from 'node:fs'
import {
  type Adapter,
  decodeConfig,
  defaultValueStream,
  FetchTransport,
  foldTimelines,
  indexStream,
  makeEventLog,
  memoryCheckpointStore,
  runBackfill,
  type StageEventEncoded,
  validateEvent,
} from '@herbie/core'
import { Effect, Layer } from 'effect'
import { HttpResponse, http } from 'msw'
import { answer, type FakeRepository } from './fakeRepository.js'

export const API = 'https://api.github.com'
export const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'))
export const fixtureBytes = (name: string): Buffer =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url))

interface PullFixture {
  readonly number: number
  readonly head: { readonly sha: string }
  readonly merge_commit_sha: string | null
  readonly merged_at: string | null
}

const link = (next: string) => ({ link: `<${next}>; rel="next"` })

/** What the story's handlers count: list requests, and the `since` each issues list asked for. */
export interface StoryCounts {
  pulls: number
  issueSince: Array<string | null>
}

/** Options of the story: `closes85` puts "Closes #85" in PR #87's body (the issues story). */
export interface StoryOptions {
  readonly counts?: StoryCounts
  readonly closes85?: boolean
}

/** A pull request as served, with "Closes #85" added to #87's body in the issues story. */
const served = (pull: PullFixture & { body?: string | null }, closes85: boolean) =>
  closes85 && pull.number === 87 ? { ...pull, body: `${pull.body ?? ''}\n\nCloses #85` } : pull

/** The story's repository acme/payments as GitHub's REST API serves it. */
export const storyHandlers = ({
  counts = { pulls: 0, issueSince: [] },
  closes85 = false,
}: StoryOptions = {}) => [
  http.get(`${API}/repos/acme/payments/pulls`, () => {
    counts.pulls++
    const page = fixture('pulls-list-page1.json') as PullFixture[]
    return HttpResponse.json(
      page.map((pull) => served(pull, closes85)),
      {
        headers: link(
          `${API}/repositories/501234567/pulls?state=all&sort=updated&direction=desc&per_page=100&page=2`,
        ),
      },
    )
  }),
  http.get(`${API}/repositories/501234567/pulls`, () =>
    HttpResponse.json(fixture('pulls-list-page2.json') as object[]),
  ),
  http.get(`${API}/repos/acme/payments/issues/:number/timeline`, ({ params }) => {
    const files: Record<string, string> = { '87': 'pull-87-timeline.json', '85': 'issue-85-timeline.json' }
    const file = files[params.number as string]
    return HttpResponse.json(file === undefined ? [] : (fixture(file) as object[]))
  }),
  http.get(`${API}/repos/acme/payments/issues`, ({ request }) => {
    // Honours `since` (updated at or after) as GitHub does.
    const since = new URL(request.url).searchParams.get('since')
    counts.issueSince.push(since)
    const issues = fixture('issues-list.json') as Array<{ updated_at: string }>
    return HttpResponse.json(
      issues.filter((issue) => since === null || Date.parse(issue.updated_at) >= Date.parse(since)),
    )
  }),
  http.get(`${API}/repos/acme/payments/actions/runs`, ({ request }) => {
    // Honours `created=>=ISO` and `head_sha` as GitHub does.
    const query = new URL(request.url).searchParams
    const created = query.get('created')
    const sha = query.get('head_sha')
    const since = created === null ? 0 : Date.parse(created.replace('>=', ''))
    const page = fixture('actions-runs.json') as {
      workflow_runs: Array<{ created_at: string; head_sha: string }>
    }
    const runs = page.workflow_runs.filter(
      (run) => Date.parse(run.created_at) >= since && (sha === null || run.head_sha === sha),
    )
    return HttpResponse.json({ total_count: runs.length, workflow_runs: runs })
  }),
  http.get(`${API}/repos/acme/payments/actions/runs/:id`, ({ params }) => {
    const page = fixture('actions-runs.json') as { workflow_runs: Array<{ id: number }> }
    const run = page.workflow_runs.find((candidate) => String(candidate.id) === params.id)
    return run === undefined
      ? HttpResponse.json(fixture('errors/404.json') as object, { status: 404 })
      : HttpResponse.json(run)
  }),
  http.get(`${API}/repos/acme/payments/actions/runs/:id/jobs`, ({ params }) =>
    HttpResponse.json(
      params.id === '13712044502'
        ? (fixture('actions-run-jobs.json') as object)
        : { total_count: 0, jobs: [] },
    ),
  ),
  http.get(`${API}/repos/acme/payments/commits/:sha/pulls`, ({ params }) => {
    // GitHub lists the pull requests that contain the commit: its head, its commits, its merge.
    const pulls = [
      ...(fixture('pulls-list-page1.json') as PullFixture[]),
      ...(fixture('pulls-list-page2.json') as PullFixture[]),
    ]
    const ofPull87 = (fixture('pull-87-timeline.json') as Array<{ sha?: string }>).map((event) => event.sha)
    return HttpResponse.json(
      pulls
        .filter(
          (pull) =>
            pull.head.sha === params.sha ||
            (pull.merged_at !== null && pull.merge_commit_sha === params.sha) ||
            (pull.number === 87 && ofPull87.includes(params.sha as string)),
        )
        .map((pull) => served(pull, closes85)),
    )
  }),
  http.get(`${API}/repos/acme/payments/deployments`, () =>
    HttpResponse.json(fixture('deployments.json') as object[]),
  ),
  http.get(`${API}/repos/acme/payments/deployments/:id/statuses`, ({ params }) =>
    HttpResponse.json(
      fixture(
        params.id === '2210489902'
          ? 'deployment-statuses-production.json'
          : 'deployment-statuses-staging.json',
      ) as object[],
    ),
  ),
]

/** Runs a backfill into an array, with a fresh in-memory checkpoint store unless one is given. */
export const sync = <C, CI, K, KI>(
  adapter: Adapter<C, CI, K, KI>,
  raw: unknown,
  store = memoryCheckpointStore(),
) =>
  Effect.gen(function* () {
    const config = yield* decodeConfig(adapter, raw)
    const events: StageEventEncoded[] = []
    const summary = yield* runBackfill(adapter, config, (batch) =>
      Effect.sync(() => void events.push(...batch)),
    )
    return { events, summary }
  }).pipe(Effect.provide(Layer.merge(store, FetchTransport)))

/**
 * PR #87's life as `at stage type [outcome]` lines, sorted: what the backfill must yield for it,
 * with both done candidates (the merge at 14:30:05, the production deployment at 16:04:41).
 */
export const PR_87_LIFE = [
  '2026-03-03T10:40:12Z develop enter',
  '2026-03-04T15:52:10Z ci enter',
  '2026-03-04T16:06:12Z ci exit failure',
  '2026-03-04T16:15:40Z develop exit',
  '2026-03-04T16:15:40Z review-queue enter',
  '2026-03-05T09:31:22Z review enter',
  '2026-03-05T09:31:22Z review-queue exit',
  '2026-03-05T11:04:02Z ci enter',
  '2026-03-05T11:19:47Z ci exit success',
  '2026-03-05T14:08:51Z review exit',
  '2026-03-05T14:30:05Z done enter',
  '2026-03-05T14:30:20Z ci enter',
  '2026-03-05T14:44:02Z ci exit success',
  '2026-03-05T14:45:00Z deploy-queue enter',
  '2026-03-05T14:45:09Z deploy enter',
  '2026-03-05T14:45:09Z deploy-queue exit',
  '2026-03-05T14:49:30Z deploy exit success',
  '2026-03-05T15:58:00Z deploy-queue enter',
  '2026-03-05T16:00:10Z deploy enter',
  '2026-03-05T16:00:10Z deploy-queue exit',
  '2026-03-05T16:04:41Z deploy exit success',
  '2026-03-05T16:04:41Z done enter',
]

/** The fake repository behind msw: every request answered as GitHub would (see fakeRepository.ts). */
export const repositoryHandlers = (repository: FakeRepository) => [
  http.get(`${API}/*`, ({ request }) => {
    const { status, body, headers } = answer(repository, new URL(request.url))
    return HttpResponse.json(body as object, { status, ...(headers === undefined ? {} : { headers }) })
  }),
]

/** The timeline warnings of core's fold for some events, over the default value stream. */
export const foldWarnings = (events: ReadonlyArray<StageEventEncoded>) => {
  const index = indexStream(defaultValueStream)
  const log = makeEventLog(index)
  for (const event of events) {
    const at = validateEvent(event)
    if (typeof at === 'number') log.add(event, at)
  }
  return foldTimelines(log.build().items, index).warnings.map((warning) => warning.message)
}

/** Each item's events of one stage as `type at [outcome] key=value...` lines, in time order. */
export const stays = (events: ReadonlyArray<StageEventEncoded>, stage: string, itemId: string) =>
  events
    .filter((event) => event.itemId === itemId && event.stage === stage)
    .sort(
      (a, b) =>
        Date.parse(a.at) - Date.parse(b.at) || Number(a.type === 'enter') - Number(b.type === 'enter'),
    )
    .map(
      (event) =>
        `${event.id.slice(itemId.length + 1)} ${event.at}${event.outcome === undefined ? '' : ` ${event.outcome}`}`,
    )
