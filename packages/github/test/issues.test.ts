import { memoryCheckpointStore, type StageEventEncoded } from '@herbie/core'
import { Effect } from 'effect'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { closingIssue, githubAdapter } from '../src/index.js'
import { PR_87_LIFE, type StoryCounts, storyHandlers, sync } from './support.js'

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const config = { repositories: ['acme/payments'], issues: true }

const lives = (events: ReadonlyArray<StageEventEncoded>) => {
  const byItem: Record<string, string[]> = {}
  for (const event of events) {
    const line = `${event.at} ${event.stage} ${event.type}${event.outcome === undefined ? '' : ` ${event.outcome}`}`
    const lines = byItem[event.itemId] ?? []
    lines.push(line)
    byItem[event.itemId] = lines
  }
  for (const lines of Object.values(byItem)) lines.sort()
  return byItem
}

describe('closing keywords', () => {
  it('finds the first issue a pull request closes, in its own repository or another', () => {
    expect(closingIssue('acme/api', ['Retry payments', 'Jira: PAY-142\n\nCloses #85'])).toEqual({
      repository: 'acme/api',
      number: 85,
    })
    expect(closingIssue('acme/api', ['fixes acme/web#7 and resolves #9'])).toEqual({
      repository: 'acme/web',
      number: 7,
    })
    expect(closingIssue('acme/api', ['Resolved: #3'])).toEqual({ repository: 'acme/api', number: 3 })
    expect(closingIssue('acme/api', ['Superseded by #87.', 'see #12', null])).toBeUndefined()
    expect(closingIssue('acme/api', ['prefix#12', 'disclosed #4'])).toBeUndefined()
  })
})

describe('GitHub issues backfill (issues: true)', () => {
  it('issues wait in the backlog until a pull request references them; the PR that closes one carries on its item', async () => {
    server.use(...storyHandlers({ closes85: true }))
    const { events } = await Effect.runPromise(sync(githubAdapter, config))
    const byItem = lives(events)
    expect(byItem['github:acme/payments#89']).toEqual(['2026-03-06T11:40:02Z backlog enter'])
    expect(byItem['github:acme/payments#84']).toEqual([
      '2026-03-01T13:20:00Z backlog enter',
      '2026-03-03T09:45:31Z backlog exit',
    ])
    expect(byItem['github:acme/payments#83']).toEqual([
      '2026-02-27T10:00:05Z backlog enter',
      '2026-03-02T16:58:12Z backlog exit',
      '2026-03-02T16:58:12Z done enter',
    ])
    // Issue #85's life: backlog, then PR #87's coding, review, CI and deployments, done in production.
    expect(byItem['github:acme/payments#85']).toEqual(
      [...PR_87_LIFE, '2026-03-02T08:03:19Z backlog enter', '2026-03-04T15:52:04Z backlog exit'].sort(),
    )
    // The pull requests listed among the issues are not issues; #87 has no item of its own now.
    expect(byItem['github:acme/payments#87']).toBeUndefined()
    expect(events.filter((e) => e.itemId === 'github:acme/payments#88').map((e) => e.stage)).toEqual([
      'develop',
    ])
  })

  it("keys PR #87's facts on issue #85 with pr:87, and links the issue, the PR and the closing reason", async () => {
    server.use(...storyHandlers({ closes85: true }))
    const { events } = await Effect.runPromise(sync(githubAdapter, config))
    const ids = events.filter((e) => e.itemId === 'github:acme/payments#85').map((e) => e.id)
    expect(ids).toContain('github:acme/payments#85:pr:87:coding:enter')
    expect(ids).toContain('github:acme/payments#85:pr:87:run:13712044502:1:exit')
    expect(ids).toContain('github:acme/payments#85:backlog:exit')
    expect(new Set(ids).size).toBe(ids.length)
    const coding = events.find((e) => e.id === 'github:acme/payments#85:pr:87:coding:enter')!
    expect(coding.links).toEqual(
      expect.arrayContaining([
        { kind: 'pr', id: 'acme/payments#87' },
        { kind: 'issue', id: 'acme/payments#85' },
        { kind: 'issue', id: 'PAY-142' },
      ]),
    )
    const rejected = events.find((e) => e.id === 'github:acme/payments#84:backlog:exit')!
    expect(rejected.attributes).toMatchObject({ closedAs: 'not_planned', issue: 84, author: 'omar-s' })
  })

  it('without issues: true no issue is read and PR #87 stays its own item, linked to #85', async () => {
    const counts: StoryCounts = { pulls: 0, issueSince: [] }
    server.use(...storyHandlers({ counts, closes85: true }))
    const { events } = await Effect.runPromise(sync(githubAdapter, { repositories: ['acme/payments'] }))
    expect(counts.issueSince).toEqual([])
    const first = events.find((e) => e.itemId === 'github:acme/payments#87')!
    expect(first.links).toContainEqual({ kind: 'issue', id: 'acme/payments#85' })
    expect(events.some((e) => e.itemId === 'github:acme/payments#85')).toBe(false)
  })

  it('a second sync asks for the issues updated since the first began', async () => {
    const counts: StoryCounts = { pulls: 0, issueSince: [] }
    const store = memoryCheckpointStore()
    server.use(...storyHandlers({ counts, closes85: true }))
    const before = new Date().toISOString()
    await Effect.runPromise(sync(githubAdapter, config, store))
    const second = await Effect.runPromise(sync(githubAdapter, config, store))
    expect(second.events).toEqual([])
    expect(counts.issueSince[0]).toBeNull()
    expect(Date.parse(counts.issueSince[1]!)).toBeGreaterThanOrEqual(Date.parse(before))
  })
})
