import { FetchTransport } from '@herbie/core'
import { Effect, Schema } from 'effect'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  Changelog,
  defaultStages,
  Issue,
  issueContext,
  mapDelivery,
  Status,
  WebhookPayload,
} from '../src/index.js'
import { delivery } from './deliveries.js'
import { fakeJira, fixture } from './fakeJira.js'
import { dcConfig, lines, sync } from './support.js'

type Json = Record<string, unknown>
const recorded = (name: string) => fixture<Json>(`recorded/${name}`)
const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

describe('responses recorded from real Jira servers', () => {
  it('decode: an issue with links and custom fields, a status, webhooks with string timestamps, a changelog whose histories lack items', () => {
    const issue = Schema.decodeUnknownSync(Issue)(recorded('jira-to-matrix-issue.json'))
    expect([
      issue.key,
      issue.fields.status.id,
      issue.fields.status.statusCategory?.key,
      issue.fields.issuetype?.name,
    ]).toEqual(['BBCOM-1398', '10257', 'new', 'Tarea'])
    expect(issueContext(issue, { kinds: {} })).toEqual({
      itemId: 'jira:BBCOM-1398',
      links: [
        { kind: 'issue', id: 'BBCOM-1398' },
        { kind: 'issue', id: 'BBCOM-28' },
      ],
      attributes: { project: 'BBCOM', issueType: 'Tarea', kind: 'feature' },
    })
    expect(Schema.decodeUnknownSync(Status)(recorded('jira-to-matrix-status.json'))).toEqual({
      id: '10279',
      name: 'In Progress',
      statusCategory: { id: 4, key: 'indeterminate', name: 'In Progress' },
    })
    const changed = Schema.decodeUnknownSync(WebhookPayload)(
      recorded('jira-to-matrix-webhook-status-changed.json'),
    )
    expect([changed.webhookEvent, changed.timestamp, changed.issue?.key, changed.changelog?.id]).toEqual([
      'jira:issue_updated',
      '2019-1-30 15:51:34,870',
      'INDEV-6',
      '34911',
    ])
    expect(
      Schema.decodeUnknownSync(WebhookPayload)(recorded('jira-to-matrix-webhook-created.json')).webhookEvent,
    ).toBe('jira:issue_created')
    const apache = recorded('jira-to-matrix-webhook-commented-changed.json').issue as Json
    const changelog = Schema.decodeUnknownSync(Changelog)(apache.changelog)
    expect(changelog.histories.map((history) => [history.id, history.created, history.items.length])).toEqual(
      [
        ['14108198', '2014-06-24T20:37:37.751+0000', 0],
        ['16391189', '2017-10-11T11:11:45.825+0000', 1],
      ],
    )
  })

  describe('a backfill and a webhook over them', () => {
    const BASE = 'https://jira.test-example.ru'
    const webhook = recorded('jira-to-matrix-webhook-status-changed.json')
    const entry = webhook.changelog as Json
    // The issue as the webhook carries it, with a changelog holding the webhook's entry at the
    // webhook's time (reconstructed: the webhook gives no history time; Moscow is +0300).
    const issue = {
      ...(webhook.issue as Json),
      changelog: {
        startAt: 0,
        maxResults: 1,
        total: 1,
        histories: [{ id: entry.id, created: '2019-01-30T15:51:34.870+0300', items: entry.items }],
      },
    }
    const statuses = [
      (recorded('jira-to-matrix-issue.json').fields as Json).status,
      ((webhook.issue as Json).fields as Json).status,
      recorded('jira-to-matrix-status.json'),
    ] as Json[]
    const config = dcConfig({ baseUrl: BASE, webhookSecret: 'herbie-test-secret' })

    it('the recorded issue maps to its stays in the zone Jira wrote (+0300), and the webhook to the same events', async () => {
      const jira = fakeJira({ platform: 'datacenter', issues: [issue], statuses, base: BASE })
      server.use(...jira.handlers)
      const { events } = await sync(config)
      expect(lines(events)).toEqual([
        'jira:INDEV-6:created:enter backlog enter 2018-12-05T11:32:11.571Z',
        'jira:INDEV-6:34911:exit backlog exit 2019-01-30T12:51:34.870Z',
        'jira:INDEV-6:34911:enter develop enter 2019-01-30T12:51:34.870Z',
      ])
      // the status names of the changelog (English here) are not those of the status list (localised): ids decide
      expect(events.map((event) => event.attributes?.status)).toEqual(['To Do', 'To Do', 'In Progress'])
      expect(events[0]?.links).toEqual([
        { kind: 'issue', id: 'INDEV-6' },
        { kind: 'issue', id: 'INDEV-7' },
      ])
      const mapped = await Effect.runPromise(
        mapDelivery(
          config,
          delivery('recorded/jira-to-matrix-webhook-status-changed.json'),
          defaultStages,
        ).pipe(Effect.provide(FetchTransport)),
      )
      expect(mapped).toEqual(events)
    })
  })
})
