import { memoryCheckpointStore } from '@herbie/core'
import { HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { incrementalJql, jqlDateAfter, jqlDateSince } from '../src/index.js'
import { BASIC, BEARER, CLOUD, cloudIssues, DC, dcIssues, fakeJira, fixture } from './fakeJira.js'
import { cloudConfig, dcConfig, lines, sync } from './support.js'

type Json = Record<string, unknown>
const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const FIELDS = 'fields=summary%2Cstatus%2Cissuetype%2Cproject%2Ccreated%2Cupdated%2Cresolution%2Cissuelinks'
const JQL = 'jql=%28project+%3D+PAY%29+ORDER+BY+updated+ASC'
const token = (offset: number) => encodeURIComponent(Buffer.from(`offset:${offset}`).toString('base64'))

const PAY_142 = [
  'jira:PAY-142:created:enter backlog enter 2026-03-02T09:15:00.000Z',
  'jira:PAY-142:10571:exit backlog exit 2026-03-03T10:02:11.000Z',
  'jira:PAY-142:10571:enter develop enter 2026-03-03T10:02:11.000Z',
  'jira:PAY-142:10627:exit develop exit 2026-03-06T11:00:27.000Z',
  'jira:PAY-142:10627:done:enter done enter 2026-03-06T11:00:27.000Z',
]
const STORY = [
  ...PAY_142,
  'jira:PAY-151:created:enter backlog enter 2026-03-09T14:00:00.000Z',
  'jira:PAY-151:10688:exit backlog exit 2026-03-10T09:30:00.000Z',
  'jira:PAY-151:10688:enter develop enter 2026-03-10T09:30:00.000Z',
  'jira:PAY-150:created:enter backlog enter 2026-03-06T15:40:00.000Z',
  'jira:PAY-150:10640:exit backlog exit 2026-03-09T08:05:00.000Z',
  'jira:PAY-150:10640:enter develop enter 2026-03-09T08:05:00.000Z',
  'jira:PAY-150:10702:exit develop exit 2026-03-10T12:00:00.000Z',
  'jira:PAY-150:10702:done:enter done enter 2026-03-10T12:00:00.000Z',
]

/** PAY-142 as Cloud's search gives it when its changelog is longer than the expansion: the newest 2 of 6. */
const truncated = (issues: Json[]): Json[] =>
  issues.map((issue) => {
    if (issue.key !== 'PAY-142') return issue
    const changelog = issue.changelog as { histories: Json[] }
    return {
      ...issue,
      changelog: { startAt: 0, maxResults: 2, total: 6, histories: changelog.histories.slice(0, 2) },
    }
  })
const fullChangelog = () => ({
  'PAY-142': fixture<{ values: Json[] }>('issue-PAY-142-changelog.json').values,
})

describe('Jira Cloud backfill', () => {
  it('pages the enhanced search by nextPageToken (3 pages), with basic auth, and maps every issue', async () => {
    const fake = fakeJira({ platform: 'cloud', issues: cloudIssues(), authorization: BASIC })
    server.use(...fake.handlers)
    const { events, summary } = await sync(cloudConfig({ pageSize: 1 }))
    expect(lines(events)).toEqual(STORY)
    expect(fake.requests).toEqual([
      '/rest/api/3/status',
      `/rest/api/3/search/jql?${JQL}&${FIELDS}&expand=changelog&maxResults=1`,
      `/rest/api/3/search/jql?${JQL}&${FIELDS}&expand=changelog&maxResults=1&nextPageToken=${token(1)}`,
      `/rest/api/3/search/jql?${JQL}&${FIELDS}&expand=changelog&maxResults=1&nextPageToken=${token(2)}`,
    ])
    expect(summary).toEqual({ events: 13, checkpoints: 3, unjoined: [] })
  })

  it('a second sync right after the first asks from the newest update less the overlap and makes two requests', async () => {
    const fake = fakeJira({ platform: 'cloud', issues: cloudIssues() })
    server.use(...fake.handlers)
    const store = memoryCheckpointStore()
    await sync(cloudConfig(), store)
    const before = fake.requests.length
    const again = await sync(cloudConfig(), store)
    const second = fake.requests.slice(before)
    expect(second).toEqual([
      '/rest/api/3/status',
      `/rest/api/3/search/jql?${new URLSearchParams({ jql: '(project = PAY) AND updated >= "2026-03-10 11:00" ORDER BY updated ASC' })}&${FIELDS}&expand=changelog&maxResults=50`,
    ])
    // PAY-150, updated in the overlap, maps again to the same ids
    expect(lines(again.events)).toEqual(STORY.filter((line) => line.startsWith('jira:PAY-150')))
  })

  it("an issue whose changelog is longer than the expansion is read in full from the issue's changelog endpoint, paged by startAt", async () => {
    const fake = fakeJira({
      platform: 'cloud',
      issues: truncated(cloudIssues()),
      changelogs: fullChangelog(),
      changelogCap: 2,
    })
    server.use(...fake.handlers)
    const { events } = await sync(cloudConfig())
    expect(lines(events).filter((line) => line.startsWith('jira:PAY-142'))).toEqual(PAY_142)
    expect(fake.requests.filter((path) => path.includes('/changelog'))).toEqual([
      '/rest/api/3/issue/PAY-142/changelog?startAt=0&maxResults=100',
      '/rest/api/3/issue/PAY-142/changelog?startAt=2&maxResults=100',
      '/rest/api/3/issue/PAY-142/changelog?startAt=4&maxResults=100',
    ])
  })

  it('a changelog lookup that finds the issue gone is counted, not fatal: the issue maps from what the search gave', async () => {
    const fake = fakeJira({ platform: 'cloud', issues: truncated(cloudIssues()) })
    server.use(
      http.get(`${CLOUD}/rest/api/3/issue/PAY-142/changelog`, () =>
        HttpResponse.json(
          { errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} },
          { status: 404 },
        ),
      ),
      ...fake.handlers,
    )
    const { events, summary } = await sync(cloudConfig())
    expect(summary?.unjoined).toEqual([{ reason: 'issue changelog gone (404)', count: 1 }])
    // the newest two histories only: the issue seems to start in develop
    expect(lines(events).filter((line) => line.startsWith('jira:PAY-142'))).toEqual([
      'jira:PAY-142:created:enter develop enter 2026-03-02T09:15:00.000Z',
      'jira:PAY-142:10627:exit develop exit 2026-03-06T11:00:27.000Z',
      'jira:PAY-142:10627:done:enter done enter 2026-03-06T11:00:27.000Z',
    ])
  })

  it('an issue that comes again on a later page (updated while the sync ran) is mapped once', async () => {
    const [pay142, , pay151] = cloudIssues()
    server.use(
      http.get(`${CLOUD}/rest/api/3/search/jql`, ({ request }) =>
        new URL(request.url).searchParams.get('nextPageToken') === null
          ? HttpResponse.json({ issues: [pay142], nextPageToken: 'CAEaAggD', isLast: false })
          : HttpResponse.json({ issues: [pay142, pay151], isLast: true }),
      ),
      ...fakeJira({ platform: 'cloud', issues: cloudIssues() }).handlers,
    )
    const { events } = await sync(cloudConfig())
    expect(lines(events)).toEqual(STORY.filter((line) => !line.startsWith('jira:PAY-150')))
  })

  it('a first sync with since asks from since less the widest zone offset, and leaves out issues updated before it', async () => {
    const fake = fakeJira({ platform: 'cloud', issues: cloudIssues() })
    server.use(...fake.handlers)
    const { events } = await sync(cloudConfig({ since: '2026-03-09T12:00:00Z' }))
    expect(new URL(`${CLOUD}${fake.requests[1]}`).searchParams.get('jql')).toBe(
      '(project = PAY) AND updated >= "2026-03-08 22:00" ORDER BY updated ASC',
    )
    expect([...new Set(events.map((event) => event.itemId))]).toEqual(['jira:PAY-151', 'jira:PAY-150'])
  })
})

describe('Jira Data Center backfill', () => {
  it('pages the search by startAt until total (3 pages, the server lowering maxResults), with a bearer token', async () => {
    const fake = fakeJira({ platform: 'datacenter', issues: dcIssues(), authorization: BEARER, searchCap: 1 })
    server.use(...fake.handlers)
    const { events, summary } = await sync(dcConfig())
    expect(lines(events)).toEqual(STORY)
    expect(fake.requests).toEqual([
      '/rest/api/2/status',
      `/rest/api/2/search?${JQL}&${FIELDS}&expand=changelog&maxResults=50&startAt=0`,
      `/rest/api/2/search?${JQL}&${FIELDS}&expand=changelog&maxResults=50&startAt=1`,
      `/rest/api/2/search?${JQL}&${FIELDS}&expand=changelog&maxResults=50&startAt=2`,
    ])
    expect(summary?.checkpoints).toBe(3)
  })

  it('a page without total (optional in the published schema) goes on until an empty page', async () => {
    const [pay142] = dcIssues()
    const asked: string[] = []
    server.use(
      http.get(`${DC}/rest/api/2/search`, ({ request }) => {
        const startAt = new URL(request.url).searchParams.get('startAt') ?? ''
        asked.push(startAt)
        return HttpResponse.json({ issues: startAt === '0' ? [pay142] : [] })
      }),
      ...fakeJira({ platform: 'datacenter', issues: dcIssues() }).handlers,
    )
    const { events } = await sync(dcConfig())
    expect(lines(events)).toEqual(PAY_142)
    expect(asked).toEqual(['0', '1'])
  })

  it('gives PAY-142 the same events, ids and content as Cloud', async () => {
    server.use(
      ...fakeJira({ platform: 'cloud', issues: cloudIssues() }).handlers,
      ...fakeJira({ platform: 'datacenter', issues: dcIssues() }).handlers,
    )
    const cloud = await sync(cloudConfig())
    const dc = await sync(dcConfig())
    const of142 = (events: typeof cloud.events) => events.filter((event) => event.itemId === 'jira:PAY-142')
    expect(of142(dc.events)).toEqual(of142(cloud.events))
    expect(of142(dc.events)).toHaveLength(5)
  })

  it('reads a long changelog from the issue with expand=changelog', async () => {
    const fake = fakeJira({
      platform: 'datacenter',
      issues: truncated(dcIssues()),
      changelogs: fullChangelog(),
    })
    server.use(...fake.handlers)
    const { events } = await sync(dcConfig())
    expect(lines(events).filter((line) => line.startsWith('jira:PAY-142'))).toEqual(PAY_142)
    expect(fake.requests.filter((path) => path.includes('/issue/'))).toEqual([
      '/rest/api/2/issue/PAY-142?fields=status&expand=changelog',
    ])
  })
})

describe('incremental JQL', () => {
  it("queries from the user's wall time of the newest update less an hour, and from since less 14 hours", () => {
    expect(jqlDateAfter('2026-03-10T12:00:00.000+0000')).toBe('2026-03-10 11:00')
    // Jira wrote the time in the user's zone (+0100): JQL reads dates in that zone too
    expect(jqlDateAfter('2026-03-10T00:30:00.000+0100')).toBe('2026-03-09 23:30')
    expect(jqlDateSince(Date.parse('2026-03-01T10:00:00Z'))).toBe('2026-02-28 20:00')
    expect(incrementalJql('project = PAY ORDER BY key ASC', '2026-03-10 11:00')).toBe(
      '(project = PAY) AND updated >= "2026-03-10 11:00" ORDER BY updated ASC',
    )
    expect(incrementalJql('order by created', undefined)).toBe('ORDER BY updated ASC')
  })
})
