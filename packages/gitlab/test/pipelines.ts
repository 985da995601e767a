import { fakeProject } from './fakeGitlab.js'

/** An ISO instant on 2026-04-07 at HH:MM:SS (UTC, with milliseconds as GitLab writes them). */
export const at = (time: string): string => `2026-04-07T${time}.000Z`

const seconds = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 1000

/** A job as GitLab's REST API lists it; `queued` and `start`/`end` as HH:MM:SS, null when it has not. */
export const job = (
  id: number,
  name: string,
  pipeline: { id: number; ref: string; sha: string },
  status: string,
  times: { created: string; queued?: string; start?: string; end?: string },
  extra: Record<string, unknown> = {},
) => ({
  id,
  status,
  stage: name.split(' ')[0],
  name,
  ref: pipeline.ref,
  tag: false,
  coverage: null,
  allow_failure: false,
  created_at: at(times.created),
  started_at: times.start === undefined ? null : at(times.start),
  finished_at: times.end === undefined ? null : at(times.end),
  erased_at: null,
  duration:
    times.start === undefined || times.end === undefined ? null : seconds(at(times.start), at(times.end)),
  queued_duration:
    times.start === undefined || times.queued === undefined
      ? null
      : seconds(at(times.queued), at(times.start)),
  user: { id: 7, username: 'ana', name: 'Ana', state: 'active' },
  pipeline: { id: pipeline.id, project_id: 77, sha: pipeline.sha, ref: pipeline.ref, status: 'success' },
  web_url: `https://gitlab.example.com/acme/shop/-/jobs/${id}`,
  ...extra,
})

export const HEAD = 'a7'.repeat(20)
const MR_PIPELINE = { id: 501, ref: 'refs/merge-requests/7/head', sha: HEAD }
const CHILD = { id: 502, ref: 'refs/merge-requests/7/head', sha: HEAD }

const pipeline = (id: number, source: string, status: string, created: string, updated: string) => ({
  id,
  iid: id - 400,
  project_id: 77,
  sha: HEAD,
  ref: 'refs/merge-requests/7/head',
  status,
  source,
  created_at: at(created),
  updated_at: at(updated),
  web_url: `https://gitlab.example.com/acme/shop/-/pipelines/${id}`,
})

/**
 * acme/shop!7 and its merge request pipeline 501: build, two parallel test jobs (`test 1/2`,
 * `test 2/2`) and a trigger of child pipeline 502 (its `docs` job); `test 2/2` fails and is
 * retried by hand half an hour later; a manual `deploy-review` is played at 10:30 (with `played`;
 * without it, it still waits in `manual`); a manual `cleanup` is never played.
 */
export const manualGateProject = ({ played = true }: { played?: boolean } = {}) =>
  fakeProject(77, 'acme/shop', {
    mergeRequests: [
      {
        id: 9007,
        iid: 7,
        project_id: 77,
        title: 'Checkout totals in cents',
        description: 'Fixes #31',
        state: 'opened',
        created_at: at('08:30:00'),
        updated_at: at('08:30:00'),
        merged_at: null,
        closed_at: null,
        source_branch: '31-cents',
        sha: HEAD,
        merge_commit_sha: null,
        squash_commit_sha: null,
        draft: false,
        work_in_progress: false,
        author: { id: 7, username: 'ana', name: 'Ana', state: 'active' },
      },
    ],
    commits: {
      7: [{ id: HEAD, message: 'Totals in cents\n', authored_date: '2026-04-07T10:00:00.000+02:00' }],
    },
    pipelines: [
      pipeline(
        501,
        'merge_request_event',
        played ? 'success' : 'manual',
        '09:00:00',
        played ? '10:34:01' : '09:47:01',
      ),
      pipeline(502, 'parent_pipeline', 'success', '09:03:00', '09:05:01'),
    ],
    jobs: {
      501: [
        job(6001, 'build', MR_PIPELINE, 'success', {
          created: '09:00:00',
          queued: '09:00:00',
          start: '09:00:10',
          end: '09:03:00',
        }),
        job(6002, 'test 1/2', MR_PIPELINE, 'success', {
          created: '09:00:00',
          queued: '09:03:00',
          start: '09:03:05',
          end: '09:10:00',
        }),
        job(6003, 'test 2/2', MR_PIPELINE, 'failed', {
          created: '09:00:00',
          queued: '09:03:00',
          start: '09:03:20',
          end: '09:12:00',
        }),
        job(6010, 'test 2/2', MR_PIPELINE, 'success', {
          created: '09:40:00',
          queued: '09:40:00',
          start: '09:40:15',
          end: '09:47:00',
        }),
        played
          ? job(6004, 'deploy-review', MR_PIPELINE, 'success', {
              created: '09:00:00',
              queued: '10:30:00',
              start: '10:30:30',
              end: '10:34:00',
            })
          : job(6004, 'deploy-review', MR_PIPELINE, 'manual', { created: '09:00:00' }),
        job(6005, 'cleanup', MR_PIPELINE, 'manual', { created: '09:00:00' }),
      ],
      502: [
        job(6101, 'docs', CHILD, 'success', {
          created: '09:03:00',
          queued: '09:03:00',
          start: '09:03:30',
          end: '09:05:00',
        }),
      ],
    },
    bridges: {
      501: [
        {
          ...job(6006, 'child', MR_PIPELINE, 'success', {
            created: '09:00:00',
            queued: '09:03:00',
            start: '09:03:00',
            end: '09:05:01',
          }),
          downstream_pipeline: { ...pipeline(502, 'parent_pipeline', 'success', '09:03:00', '09:05:01') },
        },
      ],
    },
  })
