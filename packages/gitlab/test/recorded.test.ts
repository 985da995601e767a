import { Effect, Schema } from 'effect'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { gitlabAdapter, isDraft, Job, MergeRequest, Pipeline, pipelineAttempts } from '../src/index.js'
import { fakeProject, fixture } from './fakeGitlab.js'
import { lifeOf, projectHandlers, sync, TOKEN } from './support.js'

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const decode = <A, I>(schema: Schema.Schema<A, I>, file: string) =>
  Schema.decodeUnknownSync(schema)(fixture(`recorded/${file}`))

describe('responses recorded from real GitLab servers', () => {
  it('decode: gitlab.com merge requests of 2019 (work_in_progress, no draft, no squash_commit_sha), CERN pipelines of 2020 (no source) and jobs of 2023 (+02:00 offsets)', () => {
    const list = decode(Schema.Array(MergeRequest), 'gitlab-com-merge-requests.json')
    expect(list.map((mr) => [mr.iid, isDraft(mr), mr.squash_commit_sha])).toEqual([
      [15442, true, null],
      [15441, true, null],
      [15440, false, null],
    ])
    const single = decode(MergeRequest, 'gitlab-com-merge-request-14656.json')
    expect([single.iid, isDraft(single), single.merged_at]).toEqual([14656, true, null])
    const pipelines = decode(Schema.Array(Pipeline), 'cern-pipelines.json')
    expect(pipelines.map((pipeline) => [pipeline.id, pipeline.source])).toEqual([
      [2164874, undefined],
      [2164665, undefined],
    ])
    const jobs = decode(Schema.Array(Job), 'cern-jobs.json')
    expect(pipelineAttempts({ ...pipelines[0]!, status: 'success' }, jobs)).toEqual([
      {
        runId: '2164874',
        attempt: 1,
        rework: false,
        attributes: { pipelineId: 2164874, trigger: 'unknown', ref: 'master-ci-add-mac-jobs' },
        queuedAt: '2020-12-09T16:19:50.681Z',
        start: '2023-09-04T17:10:52.976Z',
        end: '2023-09-04T17:14:59.394Z',
        outcome: 'success',
      },
    ])
  })

  it('a backfill over them: the merge requests as drafts in coding, the pipeline (no source, so counted) as a CI stay', async () => {
    const mergeRequests = fixture<Array<Record<string, unknown>>>('recorded/gitlab-com-merge-requests.json')
    const pipelines = fixture<Array<Record<string, unknown>>>('recorded/cern-pipelines.json')
    const project = fakeProject(278964, 'gitlab-org/gitlab-ee', {
      mergeRequests,
      pipelines: [{ ...pipelines[0]!, ref: 'refs/merge-requests/15440/head' }],
      jobs: { 2164874: fixture('recorded/cern-jobs.json') },
    })
    server.use(...projectHandlers([project]))
    const { events } = await Effect.runPromise(
      sync(gitlabAdapter, {
        projects: ['gitlab-org/gitlab-ee'],
        token: TOKEN,
        baseUrl: 'https://gitlab.example.com',
      }),
    )
    expect(lifeOf(events, 'gitlab:gitlab-org/gitlab-ee!15442')).toEqual([
      'coding:enter develop 2019-08-20T10:58:54.413Z',
    ])
    expect(lifeOf(events, 'gitlab:gitlab-org/gitlab-ee!15440')).toEqual([
      'coding:exit develop 2019-08-20T10:20:51.687Z',
      'coding:enter develop 2019-08-20T10:20:51.687Z',
      'awaiting-review:enter review-queue 2019-08-20T10:20:51.687Z',
      'pipeline:2164874:1:enter ci 2023-09-04T17:10:52.976Z',
      'pipeline:2164874:1:exit ci 2023-09-04T17:14:59.394Z success',
    ])
  })
})
