import {
  defaultValueStream,
  foldTimelines,
  indexStream,
  makeEventLog,
  type StageEventEncoded,
  validateEvent,
} from '@herbie/core'
import { Schema } from 'effect'
import { describe, expect, it } from 'vitest'
import {
  defaultStages,
  type History,
  Issue,
  issueEvents,
  kindOf,
  platformOf,
  Status,
  statusCategories,
  waitStageName,
} from '../src/index.js'
import { cloudIssues, fixture } from './fakeJira.js'
import { cloudConfig, lines } from './support.js'

type Json = Record<string, unknown>
const categories = statusCategories(
  Schema.decodeUnknownSync(Schema.Array(Status))(fixture('status-cloud.json')),
)
const story = (key: string): Json => cloudIssues().find((issue) => issue.key === key)!
const decodeIssue = (raw: Json) => Schema.decodeUnknownSync(Issue)(raw)

/** An issue of the story with more histories after its own (and its fields as they then are). */
const withHistories = (key: string, extra: Json[], fields: Json = {}): Issue => {
  const raw = story(key)
  const changelog = raw.changelog as { histories: Json[] }
  const histories = [...extra, ...changelog.histories]
  return decodeIssue({
    ...raw,
    fields: { ...(raw.fields as Json), ...fields },
    changelog: { startAt: 0, maxResults: histories.length, total: histories.length, histories },
  })
}
const status = (
  id: string,
  created: string,
  from: [string, string],
  to: [string, string],
  more: Json[] = [],
): Json => ({
  id,
  created,
  items: [
    ...more,
    {
      field: 'status',
      fieldtype: 'jira',
      fieldId: 'status',
      from: from[0],
      fromString: from[1],
      to: to[0],
      toString: to[1],
    },
  ],
})
const resolution = (name: string | null): Json => ({
  field: 'resolution',
  fieldtype: 'jira',
  fieldId: 'resolution',
  from: null,
  fromString: null,
  to: name === null ? null : '10001',
  toString: name,
})
const map = (issue: Issue, options: Record<string, unknown> = {}) =>
  issueEvents(issue, issue.changelog?.histories ?? [], cloudConfig(options), defaultStages, categories)

/** The timeline of each item of some events, folded by core over the default value stream. */
const fold = (events: ReadonlyArray<StageEventEncoded>) => {
  const index = indexStream(defaultValueStream)
  const log = makeEventLog(index)
  for (const event of events) {
    const at = validateEvent(event)
    if (typeof at === 'number') log.add(event as unknown as Record<string, unknown>, at)
  }
  return foldTimelines(log.build().items, index)
}

const REOPEN = [
  status(
    '10655',
    '2026-03-07T09:00:00.000+0000',
    ['10001', 'Done'],
    ['3', 'In Progress'],
    [resolution(null)],
  ),
  status(
    '10671',
    '2026-03-09T16:45:00.000+0000',
    ['3', 'In Progress'],
    ['10001', 'Done'],
    [resolution('Done')],
  ),
]

describe('issue events', () => {
  it("PAY-142's life by status category: backlog, develop, then Done as a tracker done candidate", () => {
    const events = map(decodeIssue(story('PAY-142')))
    const context = {
      itemId: 'jira:PAY-142',
      source: 'jira',
      links: [{ kind: 'issue', id: 'PAY-142' }],
    }
    const attributes = { project: 'PAY', issueType: 'Story', kind: 'feature' }
    expect(events).toEqual([
      {
        ...context,
        id: 'jira:PAY-142:created:enter',
        stage: 'backlog',
        type: 'enter',
        at: '2026-03-02T09:15:00.000Z',
        attributes: { ...attributes, status: 'To Do' },
      },
      {
        ...context,
        id: 'jira:PAY-142:10571:exit',
        stage: 'backlog',
        type: 'exit',
        at: '2026-03-03T10:02:11.000Z',
        attributes: { ...attributes, status: 'To Do' },
      },
      {
        ...context,
        id: 'jira:PAY-142:10571:enter',
        stage: 'develop',
        type: 'enter',
        at: '2026-03-03T10:02:11.000Z',
        attributes: { ...attributes, status: 'In Progress' },
      },
      {
        ...context,
        id: 'jira:PAY-142:10627:exit',
        stage: 'develop',
        type: 'exit',
        at: '2026-03-06T11:00:27.000Z',
        attributes: { ...attributes, status: 'In QA' },
      },
      {
        ...context,
        id: 'jira:PAY-142:10627:done:enter',
        stage: 'done',
        type: 'enter',
        at: '2026-03-06T11:00:27.000Z',
        attributes: { ...attributes, status: 'Done', resolution: 'Done', doneRule: 'tracker' },
      },
    ])
  })

  it('PAY-142 reopened after Done: the re-entry is rework of the same item, with no negative duration, done where it was first done', () => {
    const events = map(withHistories('PAY-142', REOPEN))
    expect(lines(events)).toEqual([
      'jira:PAY-142:created:enter backlog enter 2026-03-02T09:15:00.000Z',
      'jira:PAY-142:10571:exit backlog exit 2026-03-03T10:02:11.000Z',
      'jira:PAY-142:10571:enter develop enter 2026-03-03T10:02:11.000Z',
      'jira:PAY-142:10627:exit develop exit 2026-03-06T11:00:27.000Z',
      'jira:PAY-142:10627:done:enter done enter 2026-03-06T11:00:27.000Z',
      'jira:PAY-142:10655:enter develop enter 2026-03-07T09:00:00.000Z',
      'jira:PAY-142:10671:exit develop exit 2026-03-09T16:45:00.000Z',
      'jira:PAY-142:10671:done:enter done enter 2026-03-09T16:45:00.000Z',
    ])
    expect(events.map((event) => event.attributes?.rework ?? false)).toEqual([
      false,
      false,
      false,
      false,
      false,
      true,
      false,
      false,
    ])
    const { timelines, warnings } = fold(events)
    expect(warnings).toEqual([])
    expect(timelines.map((timeline) => timeline.itemId)).toEqual(['jira:PAY-142'])
    const [timeline] = timelines
    expect(timeline!.doneAt).toBe(Date.parse('2026-03-06T11:00:27.000Z'))
    expect(
      timeline!.intervals.every((interval) => interval.exit === undefined || interval.exit >= interval.enter),
    ).toBe(true)
    expect(
      timeline!.intervals
        .filter((interval) => interval.stage === 1)
        .map((interval) => [interval.enter, interval.exit]),
    ).toEqual([
      [Date.parse('2026-03-03T10:02:11.000Z'), Date.parse('2026-03-06T11:00:27.000Z')],
      [Date.parse('2026-03-07T09:00:00.000Z'), Date.parse('2026-03-09T16:45:00.000Z')],
    ])
  })

  it('a move back from a later stage to an earlier one is rework; a return from a wait status is not', () => {
    const back = [
      status('10599', '2026-03-05T10:00:00.000+0000', ['10002', 'In Review'], ['3', 'In Progress']),
      status('10601', '2026-03-05T12:00:00.000+0000', ['3', 'In Progress'], ['10002', 'In Review']),
    ]
    const events = map(withHistories('PAY-142', back), {
      statuses: { 'In Review': 'review', 'in qa': 'review' },
      waitStatuses: ['Ready for QA'],
    })
    expect(
      lines(events).map((line, i) => `${line}${events[i]!.attributes?.rework === true ? ' rework' : ''}`),
    ).toEqual([
      'jira:PAY-142:created:enter backlog enter 2026-03-02T09:15:00.000Z',
      'jira:PAY-142:10571:exit backlog exit 2026-03-03T10:02:11.000Z',
      'jira:PAY-142:10571:enter develop enter 2026-03-03T10:02:11.000Z',
      'jira:PAY-142:10588:exit develop exit 2026-03-04T16:20:05.000Z',
      'jira:PAY-142:10588:enter review enter 2026-03-04T16:20:05.000Z',
      'jira:PAY-142:10599:exit review exit 2026-03-05T10:00:00.000Z',
      'jira:PAY-142:10599:enter develop enter 2026-03-05T10:00:00.000Z rework',
      'jira:PAY-142:10601:exit develop exit 2026-03-05T12:00:00.000Z',
      'jira:PAY-142:10601:enter review enter 2026-03-05T12:00:00.000Z rework',
      'jira:PAY-142:10603:exit review exit 2026-03-05T14:35:00.000Z',
      'jira:PAY-142:10603:enter ready-for-qa enter 2026-03-05T14:35:00.000Z',
      'jira:PAY-142:10611:exit ready-for-qa exit 2026-03-05T16:30:00.000Z',
      // In QA maps to review too: back from the wait status, not sent back
      'jira:PAY-142:10611:enter review enter 2026-03-05T16:30:00.000Z',
      'jira:PAY-142:10627:exit review exit 2026-03-06T11:00:27.000Z',
      'jira:PAY-142:10627:done:enter done enter 2026-03-06T11:00:27.000Z',
    ])
    expect(
      events.filter((event) => event.stage === 'ready-for-qa').map((event) => event.attributes?.status),
    ).toEqual(['Ready for QA', 'Ready for QA'])
    expect(waitStageName('Blocked / waiting on Vendor')).toBe('blocked-waiting-on-vendor')
  })

  it('a move to a status of an earlier category is rework, even into a stage the issue was never in', () => {
    const raw = story('PAY-151')
    // PAY-151 created straight In Progress, then sent back to To Do, then picked up again
    const events = map(
      decodeIssue({
        ...raw,
        changelog: {
          total: 2,
          maxResults: 2,
          histories: [
            status('10689', '2026-03-10T10:15:00.000+0000', ['10000', 'To Do'], ['3', 'In Progress']),
            status('10688', '2026-03-10T09:30:00.000+0000', ['3', 'In Progress'], ['10000', 'To Do']),
          ],
        },
      }),
    )
    expect(
      lines(events).map((line, i) => `${line}${events[i]!.attributes?.rework === true ? ' rework' : ''}`),
    ).toEqual([
      'jira:PAY-151:created:enter develop enter 2026-03-09T14:00:00.000Z',
      'jira:PAY-151:10688:exit develop exit 2026-03-10T09:30:00.000Z',
      'jira:PAY-151:10688:enter backlog enter 2026-03-10T09:30:00.000Z rework',
      'jira:PAY-151:10689:exit backlog exit 2026-03-10T10:15:00.000Z',
      // picked up again from the backlog: the rework was the move back
      'jira:PAY-151:10689:enter develop enter 2026-03-10T10:15:00.000Z',
    ])
  })

  it("a resolution such as Won't Do ends the item as abandoned on its last exit, never done; a reopen later revives it", () => {
    const wontDo = [
      status(
        '10627',
        '2026-03-06T11:00:27.000+0000',
        ['10004', 'In QA'],
        ['10001', 'Done'],
        [resolution("Won't Do")],
      ),
    ]
    const raw = story('PAY-142')
    const histories = (raw.changelog as { histories: Json[] }).histories.filter(
      (history) => history.id !== '10627',
    )
    const abandoned = decodeIssue({
      ...raw,
      fields: { ...(raw.fields as Json), resolution: { id: '10001', name: "Won't Do" } },
      changelog: { total: 6, maxResults: 6, histories: [...wontDo, ...histories] },
    })
    const events = map(abandoned)
    expect(events.at(-1)).toEqual({
      id: 'jira:PAY-142:10627:exit',
      itemId: 'jira:PAY-142',
      stage: 'develop',
      type: 'exit',
      at: '2026-03-06T11:00:27.000Z',
      source: 'jira',
      links: [{ kind: 'issue', id: 'PAY-142' }],
      attributes: {
        project: 'PAY',
        issueType: 'Story',
        kind: 'feature',
        status: 'In QA',
        abandoned: true,
        resolution: "Won't Do",
      },
    })
    expect(events.filter((event) => event.stage === 'done')).toEqual([])
    const [timeline] = fold(events).timelines
    expect([timeline!.doneAt, timeline!.abandonedAt]).toEqual([
      undefined,
      Date.parse('2026-03-06T11:00:27.000Z'),
    ])

    const duplicate = map(abandoned, { abandonResolutions: ['Duplicate'] })
    expect(duplicate.at(-1)?.id).toBe('jira:PAY-142:10627:done:enter')

    const revived = map(
      decodeIssue({
        ...abandoned,
        changelog: {
          total: 7,
          maxResults: 7,
          histories: [
            status(
              '10690',
              '2026-03-08T09:00:00.000+0000',
              ['10001', 'Done'],
              ['10000', 'To Do'],
              [resolution(null)],
            ),
            ...wontDo,
            ...histories,
          ],
        },
      }),
    )
    expect(lines(revived).slice(-2)).toEqual([
      'jira:PAY-142:10627:exit develop exit 2026-03-06T11:00:27.000Z',
      'jira:PAY-142:10690:enter backlog enter 2026-03-08T09:00:00.000Z',
    ])
    expect(revived.at(-1)?.attributes?.rework).toBe(true)
    expect(fold(revived).timelines[0]!.abandonedAt).toBeUndefined()
  })

  it("doneAt 'status' writes Jira's Done as a done enter without a rule", () => {
    const done = map(decodeIssue(story('PAY-142')), { doneAt: 'status' }).at(-1)
    expect([done?.id, done?.stage, done?.type, done?.attributes?.doneRule]).toEqual([
      'jira:PAY-142:10627:enter',
      'done',
      'enter',
      undefined,
    ])
  })

  it('the issue type is the kind on every event; issue links are issue links, and a cause names the issue that caused it', () => {
    const bug = map(decodeIssue(story('PAY-151')))
    expect(bug.map((event) => [event.attributes?.kind, event.attributes?.issueType])).toEqual([
      ['defect', 'Bug'],
      ['defect', 'Bug'],
      ['defect', 'Bug'],
    ])
    expect(bug[0]?.links).toEqual([
      { kind: 'issue', id: 'PAY-151' },
      { kind: 'issue', id: 'PAY-150' },
    ])
    expect([bug[0]?.attributes?.causedBy, bug[0]?.attributes?.causeLink]).toEqual(['PAY-150', 'is caused by'])
    expect(lines(bug)).toEqual([
      'jira:PAY-151:created:enter backlog enter 2026-03-09T14:00:00.000Z',
      'jira:PAY-151:10688:exit backlog exit 2026-03-10T09:30:00.000Z',
      'jira:PAY-151:10688:enter develop enter 2026-03-10T09:30:00.000Z',
    ])
    const story142 = map(decodeIssue(story('PAY-142')), { kinds: { story: 'debt' } })
    expect(new Set(story142.map((event) => event.attributes?.kind))).toEqual(new Set(['debt']))
    expect([
      kindOf('Epic', {}),
      kindOf('incident', {}),
      kindOf('Risk', {}),
      kindOf('Tech Debt', {}),
      kindOf('Task', {}),
      kindOf('Spike', {}),
    ]).toEqual(['feature', 'defect', 'risk', 'debt', 'debt', 'feature'])
  })

  it("what Jira's description leaves optional may be missing: the name of an issue type or resolution, the key of a project, a linked issue or a category", () => {
    const raw = story('PAY-151')
    const fields = raw.fields as Json
    const bare = decodeIssue({
      ...raw,
      fields: {
        ...fields,
        issuetype: { id: '10005' },
        project: { id: '10021' },
        status: { id: '3', name: 'In Progress', statusCategory: { id: 4 } },
        issuelinks: [
          {
            id: '10231',
            type: { name: 'Problem/Incident', inward: 'is caused by', outward: 'causes' },
            inwardIssue: { id: '10150' },
          },
        ],
      },
    })
    const bug = map(bare)
    expect(lines(bug)).toEqual([
      'jira:PAY-151:created:enter backlog enter 2026-03-09T14:00:00.000Z',
      'jira:PAY-151:10688:exit backlog exit 2026-03-10T09:30:00.000Z',
      'jira:PAY-151:10688:enter develop enter 2026-03-10T09:30:00.000Z',
    ])
    expect([bug[0]?.links, bug[0]?.attributes]).toEqual([
      [{ kind: 'issue', id: 'PAY-151' }],
      { kind: 'feature', status: 'To Do' },
    ])
    expect(statusCategories([bare.fields.status])).toEqual(new Map())

    const done = story('PAY-142')
    const unnamed = map(
      decodeIssue({ ...done, fields: { ...(done.fields as Json), resolution: { id: '10000' } } }),
    )
    expect(unnamed.at(-1)?.id).toBe(map(decodeIssue(done)).at(-1)?.id)
  })

  it('a link without a type (Data Center may send one) links the other issue and names no cause', () => {
    const raw = story('PAY-151')
    const issue = decodeIssue({
      ...raw,
      fields: {
        ...(raw.fields as Json),
        issuelinks: [{ id: '10231', inwardIssue: { id: '10150', key: 'PAY-150' } }],
      },
    })
    const [first] = map(issue)
    expect(first?.links).toEqual([
      { kind: 'issue', id: 'PAY-151' },
      { kind: 'issue', id: 'PAY-150' },
    ])
    expect(first?.attributes?.causedBy).toBeUndefined()
  })

  it('histories are taken oldest first whatever order they come in', () => {
    const issue = decodeIssue(story('PAY-142'))
    const reversed: History[] = [...(issue.changelog?.histories ?? [])].reverse()
    expect(issueEvents(issue, reversed, cloudConfig(), defaultStages, categories)).toEqual(map(issue))
  })

  it('the platform follows the option, the email, or an Atlassian host', () => {
    expect(platformOf(cloudConfig())).toBe('cloud')
    expect(platformOf({ baseUrl: 'https://jira.acme.example' })).toBe('datacenter')
    expect(platformOf({ baseUrl: 'https://acme.atlassian.net' })).toBe('cloud')
    expect(platformOf({ baseUrl: 'https://jira.acme.example', platform: 'cloud' })).toBe('cloud')
  })
})
