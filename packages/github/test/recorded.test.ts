import { memoryCheckpointStore, type StageEventEncoded } from '@herbie/core'
import { Effect, Schema } from 'effect'
import { HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  Deployment,
  DeploymentStatus,
  githubAdapter,
  Issue,
  JobPage,
  Pull,
  TimelineEvent,
  WorkflowRun,
  WorkflowRunPage,
} from '../src/index.js'
import { API, fixture, sync } from './support.js'

/** Responses recorded from api.github.com by others (see fixtures/SOURCES.md, "Recorded"). */
const recorded = (name: string) => fixture(`recorded/${name}`)

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const decode = <A, I>(schema: Schema.Schema<A, I>, name: string) =>
  Schema.decodeUnknownSync(schema)(recorded(name))

const lines = (events: ReadonlyArray<StageEventEncoded>) =>
  events.map(
    (event) =>
      `${event.itemId} ${event.stage} ${event.type} ${event.at}${event.outcome === undefined ? '' : ` ${event.outcome}`}${event.attributes?.doneRule === undefined ? '' : ` ${event.attributes.doneRule}`}`,
  )

describe('the decoders read recorded responses', () => {
  it('pull requests, timelines and issues', () => {
    const [pull] = decode(Schema.Array(Pull), 'openapi-pulls.json')
    expect(pull).toMatchObject({
      number: 1347,
      state: 'open',
      draft: false,
      merged_at: '2011-01-26T19:01:12Z',
      head: { ref: 'new-topic', sha: '6dcb09b5b57875f334f61aebed695e2e4193db5e' },
      user: { login: 'octocat' },
      body: 'Please pull these awesome changes in!',
    })
    expect(decode(Schema.Array(TimelineEvent), 'openapi-timeline.json').map((event) => event.event)).toEqual([
      'locked',
      'labeled',
      'renamed',
      'commented',
    ])
    // Recorded in 2017, before GitHub added `state_reason`: it decodes as null.
    const issues = decode(Schema.Array(Issue), 'paginate-issues-page1.json')
    expect(
      issues.map((issue) => [issue.number, issue.state, issue.state_reason, issue.pull_request]),
    ).toEqual([
      [13, 'open', null, undefined],
      [12, 'open', null, undefined],
      [11, 'open', null, undefined],
    ])
  })

  it('workflow runs, their jobs, deployments and statuses', () => {
    const page = decode(WorkflowRunPage, 'luoda-runs-page.json')
    expect(
      page.workflow_runs.map((run) => [run.id, run.event, run.status, run.name, run.run_attempt]),
    ).toEqual([
      [30207029210, 'push', 'in_progress', 'Build LDesk Windows EXE', 1],
      [30205697807, 'workflow_dispatch', 'completed', 'Build LDesk Windows EXE', 1],
    ])
    expect(decode(WorkflowRun, 'jo-summer-run-7655489328.json')).toMatchObject({
      event: 'dynamic',
      path: 'dynamic/pages/pages-build-deployment',
      pull_requests: [],
    })
    expect(decode(WorkflowRunPage, 'openapi-runs.json').workflow_runs[0]).toMatchObject({
      id: 30433642,
      status: 'queued',
      conclusion: null,
    })
    const jobs = decode(JobPage, 'luoda-run-30207029289-jobs.json').jobs
    expect(
      jobs.map((job) => [job.name, job.conclusion, job.created_at, job.started_at, job.completed_at]),
    ).toEqual([
      ['build-dmg', 'failure', '2026-07-26T14:53:24Z', '2026-07-26T14:53:28Z', '2026-07-26T15:10:21Z'],
      ['build-ios', 'skipped', '2026-07-26T14:53:24Z', '2026-07-26T14:53:24Z', '2026-07-26T14:53:24Z'],
    ])
    expect(decode(JobPage, 'luoda-run-30236161053-jobs.json').jobs[0]).toMatchObject({
      status: 'in_progress',
      completed_at: null,
    })
    expect(decode(Schema.Array(Deployment), 'openapi-deployments.json')[0]).toMatchObject({
      id: 1,
      environment: 'production',
      production_environment: true,
    })
    expect(decode(Schema.Array(DeploymentStatus), 'openapi-deployment-statuses.json')[0]).toMatchObject({
      state: 'success',
    })
  })
})

const json = (body: unknown) => HttpResponse.json(body as object)
const noJobs = { total_count: 0, jobs: [] }

describe('a backfill over recorded responses', () => {
  it('luoda2023/LUODA-v3.0.1: two push workflows on one commit are one CI stay, still open; the manual run is not delivery work', async () => {
    const repository = 'luoda2023/LUODA-v3.0.1'
    const list = recorded('luoda-runs-page.json') as { workflow_runs: object[] }
    const requested: string[] = []
    server.use(
      http.get(`${API}/repos/${repository}/pulls`, () => json([])),
      http.get(`${API}/repos/${repository}/actions/runs`, () =>
        json({
          total_count: 3,
          workflow_runs: [...list.workflow_runs, recorded('luoda-run-30207029289.json')],
        }),
      ),
      http.get(`${API}/repos/${repository}/actions/runs/:id/jobs`, ({ params }) => {
        requested.push(String(params.id))
        // The jobs of run 30207029289 were recorded; those of 30207029210 were not.
        return json(params.id === '30207029289' ? recorded('luoda-run-30207029289-jobs.json') : noJobs)
      }),
      http.get(`${API}/repos/${repository}/commits/:sha/pulls`, () => json([])),
      http.get(`${API}/repos/${repository}/deployments`, () => json([])),
    )
    const store = memoryCheckpointStore()
    const { events, summary } = await Effect.runPromise(
      sync(githubAdapter, { repositories: [repository] }, store),
    )
    expect(lines(events)).toEqual([
      'github:luoda2023/LUODA-v3.0.1@ac73aa11076f8ce7f9e27615d89734837ef4265a ci enter 2026-07-26T14:53:23Z',
    ])
    expect(events[0]!.id).toBe(
      'github:luoda2023/LUODA-v3.0.1@ac73aa11076f8ce7f9e27615d89734837ef4265a:run:30207029210:1:enter',
    )
    expect(requested.sort()).toEqual(['30207029210', '30207029289'])
    expect(summary.unjoined).toEqual([])
  })

  it("octocat/Hello-World from GitHub's own examples: the pull request, its merge, a queued run, a production deployment", async () => {
    const repository = 'octocat/Hello-World'
    server.use(
      http.get(`${API}/repos/${repository}/pulls`, () => json(recorded('openapi-pulls.json'))),
      http.get(`${API}/repos/${repository}/issues/1347/timeline`, () =>
        json(recorded('openapi-timeline.json')),
      ),
      http.get(`${API}/repos/${repository}/actions/runs`, () => json(recorded('openapi-runs.json'))),
      http.get(`${API}/repos/${repository}/actions/runs/:id/jobs`, () => json(noJobs)),
      http.get(`${API}/repos/${repository}/commits/:sha/pulls`, () => json([])),
      http.get(`${API}/repos/${repository}/deployments`, () => json(recorded('openapi-deployments.json'))),
      http.get(`${API}/repos/${repository}/deployments/1/statuses`, () =>
        json(recorded('openapi-deployment-statuses.json')),
      ),
    )
    const { events } = await Effect.runPromise(sync(githubAdapter, { repositories: [repository] }))
    const deployed = 'github:octocat/Hello-World@a84d88e7554fc1fa21bcbc4efae3c782a70d2b9d'
    expect(lines(events)).toEqual([
      'github:octocat/Hello-World#1347 develop enter 2011-01-26T19:01:12Z',
      'github:octocat/Hello-World#1347 develop exit 2011-01-26T19:01:12Z',
      'github:octocat/Hello-World#1347 review-queue enter 2011-01-26T19:01:12Z',
      'github:octocat/Hello-World#1347 review-queue exit 2011-01-26T19:01:12Z',
      'github:octocat/Hello-World#1347 done enter 2011-01-26T19:01:12Z merge',
      `${deployed} deploy-queue enter 2012-07-20T01:19:13Z`,
      `${deployed} deploy-queue exit 2012-07-20T01:19:13Z`,
      `${deployed} deploy enter 2012-07-20T01:19:13Z`,
      `${deployed} deploy exit 2012-07-20T01:19:13Z success`,
      `${deployed} done enter 2012-07-20T01:19:13Z production-deploy`,
    ])
  })

  it('octokit-fixture-org/paginate-issues (octokit/fixtures): three open issues wait in the backlog', async () => {
    const repository = 'octokit-fixture-org/paginate-issues'
    server.use(
      http.get(`${API}/repos/${repository}/pulls`, () => json([])),
      http.get(`${API}/repos/${repository}/issues`, () => json(recorded('paginate-issues-page1.json'))),
      http.get(`${API}/repos/${repository}/issues/:number/timeline`, () => json([])),
      http.get(`${API}/repos/${repository}/actions/runs`, () => json({ total_count: 0, workflow_runs: [] })),
      http.get(`${API}/repos/${repository}/deployments`, () => json([])),
    )
    const { events } = await Effect.runPromise(
      sync(githubAdapter, { repositories: [repository], issues: true }),
    )
    expect(lines(events)).toEqual([
      'github:octokit-fixture-org/paginate-issues#13 backlog enter 2017-10-10T16:00:00Z',
      'github:octokit-fixture-org/paginate-issues#12 backlog enter 2017-10-10T16:00:00Z',
      'github:octokit-fixture-org/paginate-issues#11 backlog enter 2017-10-10T16:00:00Z',
    ])
  })
})
