// Bitbucket Cloud REST 2.0 shapes (pull request list, activity log, webhook), reconstructed from
// the public API reference: see SOURCES.md beside this file.
import { createHmac } from 'node:crypto'
import { HttpResponse, http } from 'msw'

export const API = 'https://api.bitbucket.org/2.0'
export const SECRET = 'bitbucket-test-secret'

const pull = (id: number, state: string, created: string, updated: string, branch: string) => ({
  type: 'pullrequest',
  id,
  title: `MOB-${id} change ${id}`,
  state,
  author: { display_name: 'Dana K', uuid: '{0c8a3d2e-1f00-4a6b-9c1d-2e3f4a5b6c7d}', type: 'user' },
  source: {
    branch: { name: branch },
    commit: { hash: `a${id}b2c3d4e5f6` },
    repository: { full_name: 'acme/mobile' },
  },
  destination: { branch: { name: 'main' }, commit: { hash: 'f00dfeed1234' } },
  merge_commit: state === 'MERGED' ? { hash: `9${id}8e7d6c5b4a` } : null,
  close_source_branch: true,
  created_on: created,
  updated_on: updated,
  comment_count: 1,
  task_count: 0,
  links: { self: { href: `${API}/repositories/acme/mobile/pullrequests/${id}` } },
})

export const PULLS = [
  pull(14, 'OPEN', '2026-03-09T10:00:00.000000+00:00', '2026-03-09T10:05:00.000000+00:00', 'feature/MOB-14'),
  pull(
    12,
    'MERGED',
    '2026-03-04T09:00:00.000000+00:00',
    '2026-03-05T16:30:00.000000+00:00',
    'feature/MOB-12',
  ),
  pull(
    11,
    'DECLINED',
    '2026-03-02T08:00:00.000000+00:00',
    '2026-03-03T12:00:00.000000+00:00',
    'spike/MOB-11',
  ),
]

export const ACTIVITY: Record<number, object[]> = {
  14: [],
  12: [
    {
      update: {
        state: 'MERGED',
        date: '2026-03-05T16:30:00.000000+00:00',
        author: { display_name: 'Dana K' },
      },
      pull_request: { id: 12 },
    },
    {
      approval: { date: '2026-03-05T15:10:00.000000+00:00', user: { display_name: 'Li Wei' } },
      pull_request: { id: 12 },
    },
    {
      changes_requested: { date: '2026-03-04T17:45:00.000000+00:00', user: { display_name: 'Li Wei' } },
      pull_request: { id: 12 },
    },
    {
      comment: { id: 901, created_on: '2026-03-04T17:44:00.000000+00:00', content: { raw: 'needs a test' } },
      pull_request: { id: 12 },
    },
    {
      update: { state: 'OPEN', date: '2026-03-04T09:00:00.000000+00:00', author: { display_name: 'Dana K' } },
      pull_request: { id: 12 },
    },
  ],
  11: [
    {
      update: {
        state: 'DECLINED',
        date: '2026-03-03T12:00:00.000000+00:00',
        author: { display_name: 'Dana K' },
      },
      pull_request: { id: 11 },
    },
  ],
}

/** The listing one pull request per page (three pages, `next` URLs in the body), and each activity log. */
export const handlers = [
  http.get(`${API}/repositories/acme/mobile/pullrequests`, ({ request }) => {
    const page = Number(new URL(request.url).searchParams.get('page') ?? '1')
    const next = new URL(request.url)
    next.searchParams.set('page', String(page + 1))
    return HttpResponse.json({
      pagelen: 1,
      page,
      values: [PULLS[page - 1]],
      ...(page < PULLS.length ? { next: next.toString() } : {}),
    })
  }),
  http.get(`${API}/repositories/acme/mobile/pullrequests/:id/activity`, ({ params }) =>
    HttpResponse.json({ pagelen: 50, values: ACTIVITY[Number(params.id)] ?? [] }),
  ),
]

/** A signed `pullrequest:approved` delivery for #12. */
export const approvedDelivery = () => {
  const rawBody = Buffer.from(
    JSON.stringify({
      actor: { display_name: 'Li Wei' },
      pullrequest: PULLS[1],
      repository: { full_name: 'acme/mobile', type: 'repository' },
      approval: { date: '2026-03-05T15:10:00.000000+00:00', user: { display_name: 'Li Wei' } },
    }),
  )
  const signature = `sha256=${createHmac('sha256', SECRET).update(rawBody).digest('hex')}`
  return { headers: { 'x-event-key': 'pullrequest:approved', 'x-hub-signature': signature }, rawBody }
}
