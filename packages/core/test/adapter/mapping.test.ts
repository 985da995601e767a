import { Effect, Exit, Schema } from 'effect'
import { describe, expect, it } from 'vitest'
import {
  ciStays,
  ciStaysByItem,
  contextKey,
  EventContext,
  earliest,
  latest,
  makeEventBuilder,
  makeJoinIndex,
  OpenStay,
  type RunAttempt,
  reviewStays,
  runKey,
  webhookJson,
  worstOutcome,
} from '../../src/index.js'

const events = makeEventBuilder('gitlab')
const context = {
  itemId: 'gitlab:acme/ledger!23',
  links: [{ kind: 'pr' as const, id: 'acme/ledger!23' }],
  attributes: { project: 'acme/ledger' },
}
const naming = { events, runKind: 'pipeline' }

const attempt = (
  runId: string,
  n: number,
  start: string | undefined,
  end: string | undefined,
  extra: Partial<RunAttempt> = {},
): RunAttempt => ({
  runId,
  attempt: n,
  rework: n > 1,
  attributes: { pipelineId: Number(runId) },
  queuedAt: start ?? '2026-03-10T10:00:00Z',
  ...(start === undefined ? {} : { start }),
  ...(end === undefined ? {} : { end, outcome: 'success' as const }),
  ...extra,
})

const lines = (result: ReturnType<typeof ciStays>) =>
  result.events.map(
    (event) =>
      `${event.id} ${event.at}${event.outcome === undefined ? '' : ` ${event.outcome}`} ${JSON.stringify(event.attributes)}`,
  )

describe('event builders', () => {
  it('give deterministic ids with the key prefix, the source, the links and the attributes', () => {
    expect(
      events.stageEvent(
        { ...context, keyPrefix: 'mr:23:' },
        'coding',
        'develop',
        'enter',
        '2026-03-09T08:20:00Z',
      ),
    ).toEqual({
      id: 'gitlab:acme/ledger!23:mr:23:coding:enter',
      itemId: 'gitlab:acme/ledger!23',
      stage: 'develop',
      type: 'enter',
      at: '2026-03-09T08:20:00Z',
      source: 'gitlab',
      links: [{ kind: 'pr', id: 'acme/ledger!23' }],
      attributes: { project: 'acme/ledger' },
    })
  })

  it('a stay is an enter and an exit; exit attributes and the outcome go on the exit only', () => {
    const stay = events.stayEvents(
      { ...context, links: [] },
      'coding',
      'develop',
      '2026-03-09T08:20:00Z',
      '2026-03-09T13:00:00Z',
      { attributes: { draft: true }, exitAttributes: { abandoned: true }, outcome: 'cancelled' },
    )
    expect(stay).toEqual([
      {
        id: 'gitlab:acme/ledger!23:coding:enter',
        itemId: 'gitlab:acme/ledger!23',
        stage: 'develop',
        type: 'enter',
        at: '2026-03-09T08:20:00Z',
        source: 'gitlab',
        attributes: { project: 'acme/ledger', draft: true },
      },
      {
        id: 'gitlab:acme/ledger!23:coding:exit',
        itemId: 'gitlab:acme/ledger!23',
        stage: 'develop',
        type: 'exit',
        at: '2026-03-09T13:00:00Z',
        source: 'gitlab',
        outcome: 'cancelled',
        attributes: { project: 'acme/ledger', draft: true, abandoned: true },
      },
    ])
    expect(events.stayEvents(context, 'coding', 'develop', '2026-03-09T08:20:00Z', undefined)).toHaveLength(1)
  })

  it('a done candidate is the done enter of its fact, marked with its rule', () => {
    expect(
      events.doneCandidate(context, 'deployment:1207', 'done', '2026-03-10T11:40:12Z', 'production-deploy', {
        environment: 'production',
      }),
    ).toEqual({
      id: 'gitlab:acme/ledger!23:deployment:1207:done:enter',
      itemId: 'gitlab:acme/ledger!23',
      stage: 'done',
      type: 'enter',
      at: '2026-03-10T11:40:12Z',
      source: 'gitlab',
      links: [{ kind: 'pr', id: 'acme/ledger!23' }],
      attributes: { project: 'acme/ledger', environment: 'production', doneRule: 'production-deploy' },
    })
  })
})

describe('ciStays', () => {
  it('unites overlapping and touching attempts, worst outcome, keyed by the first; a gap makes a new stay, marked rework when it starts with rework', () => {
    const result = ciStays(naming, context, 'ci', [
      attempt('30551', 1, '2026-03-10T11:00:00Z', '2026-03-10T11:10:00Z'),
      attempt('30552', 1, '2026-03-10T11:05:00Z', '2026-03-10T11:20:00Z', { outcome: 'failure' }),
      attempt('30553', 1, '2026-03-10T11:20:00Z', '2026-03-10T11:25:00Z'),
      attempt('30552', 2, '2026-03-10T12:00:00Z', '2026-03-10T12:10:00Z'),
    ])
    expect(lines(result)).toEqual([
      'gitlab:acme/ledger!23:pipeline:30551:1:enter 2026-03-10T11:00:00Z {"project":"acme/ledger","pipelineId":30551,"queuedAt":"2026-03-10T11:00:00Z"}',
      'gitlab:acme/ledger!23:pipeline:30551:1:exit 2026-03-10T11:25:00Z failure {"project":"acme/ledger","pipelineId":30551,"queuedAt":"2026-03-10T11:00:00Z","runs":3}',
      'gitlab:acme/ledger!23:pipeline:30552:2:enter 2026-03-10T12:00:00Z {"project":"acme/ledger","pipelineId":30552,"queuedAt":"2026-03-10T12:00:00Z","rework":true}',
      'gitlab:acme/ledger!23:pipeline:30552:2:exit 2026-03-10T12:10:00Z success {"project":"acme/ledger","pipelineId":30552,"queuedAt":"2026-03-10T12:00:00Z","rework":true,"runs":1}',
    ])
    expect(result.open).toBeUndefined()
    expect(result.queued).toEqual([])
  })

  it('an attempt still running leaves the stay open (an enter only); a queued one belongs to no stay', () => {
    const queued = attempt('30570', 1, undefined, undefined)
    const result = ciStays(naming, context, 'ci', [
      attempt('30560', 1, '2026-03-10T11:05:53Z', '2026-03-10T11:08:20Z'),
      attempt('30561', 1, '2026-03-10T11:06:00Z', undefined),
      queued,
    ])
    expect(result.events.map((event) => event.id)).toEqual(['gitlab:acme/ledger!23:pipeline:30560:1:enter'])
    expect(result.open).toEqual({
      key: 'pipeline:30560:1',
      enteredAt: '2026-03-10T11:05:53Z',
      attributes: { pipelineId: 30560, queuedAt: '2026-03-10T11:05:53Z' },
      end: '2026-03-10T11:08:20Z',
      outcome: 'success',
      runs: 2,
      running: [{ runId: '30561', attempt: 1 }],
    })
    expect(result.queued).toEqual([queued])
  })

  it('a carried stay is finished by the attempts it waited for and joined by those that overlap it, under its key', () => {
    const carried = Schema.decodeUnknownSync(OpenStay)({
      key: 'pipeline:30560:1',
      enteredAt: '2026-03-10T11:05:53Z',
      attributes: { pipelineId: 30560 },
      end: '2026-03-10T11:08:20Z',
      outcome: 'success',
      runs: 2,
      running: [{ runId: '30561', attempt: 1 }],
    })
    const result = ciStays(
      naming,
      context,
      'ci',
      [
        attempt('30561', 1, '2026-03-10T11:06:00Z', '2026-03-10T11:30:00Z', { outcome: 'cancelled' }),
        attempt('30562', 1, '2026-03-10T11:29:00Z', '2026-03-10T11:31:00Z'),
      ],
      carried,
    )
    expect(lines(result)).toEqual([
      'gitlab:acme/ledger!23:pipeline:30560:1:exit 2026-03-10T11:31:00Z cancelled {"project":"acme/ledger","pipelineId":30560,"runs":3}',
    ])
  })

  it('an attempt whose queue time the source does not know carries no queuedAt', () => {
    const { queuedAt: _, ...unknown } = attempt('30570', 1, '2026-03-10T13:00:00Z', '2026-03-10T13:05:00Z')
    const result = ciStays(naming, context, 'ci', [unknown])
    expect(result.events.map((event) => Object.keys(event.attributes ?? {}).includes('queuedAt'))).toEqual([
      false,
      false,
    ])
    expect(lines(result)).toEqual([
      'gitlab:acme/ledger!23:pipeline:30570:1:enter 2026-03-10T13:00:00Z {"project":"acme/ledger","pipelineId":30570}',
      'gitlab:acme/ledger!23:pipeline:30570:1:exit 2026-03-10T13:05:00Z success {"project":"acme/ledger","pipelineId":30570,"runs":1}',
    ])
  })

  it('runKey names a stay by its run kind, run id and attempt', () => {
    expect(runKey('pipeline', '30560', 2)).toBe('pipeline:30560:2')
  })
})

describe('join index, context keys, times and outcomes', () => {
  it('joins SHAs to contexts, the most recently touched last, and starts from stored entries', () => {
    const other = { itemId: 'gitlab:acme/ledger!24', links: [], attributes: {} }
    const index = makeJoinIndex([{ context, shas: ['a', 'b'] }])
    index.add(other, ['c'])
    index.add(context, ['a', 'd'])
    expect(index.get('a')).toEqual(context)
    expect(index.get('c')).toEqual(other)
    expect(index.get('z')).toBeUndefined()
    expect(index.entries()).toEqual([
      { context: other, shas: ['c'] },
      { context, shas: ['b', 'a', 'd'] },
    ])
  })

  it('a context decodes as a checkpoint keeps it; its key is the item and the key prefix', () => {
    expect(Schema.decodeUnknownSync(EventContext)({ ...context, keyPrefix: 'mr:1:' })).toEqual({
      ...context,
      keyPrefix: 'mr:1:',
    })
    expect(contextKey({ itemId: 'gitlab:acme/ledger!23', keyPrefix: 'mr:1:' })).toBe(
      'gitlab:acme/ledger!23 mr:1:',
    )
  })

  it('earliest and latest skip missing times; the worst outcome is failure over cancelled over success', () => {
    const times = [
      null,
      '2026-03-10T11:00:00Z',
      undefined,
      '2026-03-10T09:00:00.000Z',
      '2026-03-10T12:00:00+01:00',
    ]
    expect(earliest(times)).toBe('2026-03-10T09:00:00.000Z')
    expect(latest(times)).toBe('2026-03-10T11:00:00Z')
    expect(earliest([])).toBeUndefined()
    expect(worstOutcome(undefined, 'success')).toBe('success')
    expect(worstOutcome('cancelled', 'success')).toBe('cancelled')
    expect(worstOutcome('cancelled', 'failure')).toBe('failure')
    expect(worstOutcome('failure', 'cancelled')).toBe('failure')
  })
})

describe('reviewStays', () => {
  const stages = { coding: 'develop', awaitingReview: 'review-queue', inReview: 'review' }
  const life = (milestones: Parameters<typeof reviewStays>[3]) =>
    reviewStays(events, { ...context, links: [] }, stages, milestones).map(
      (event) =>
        `${event.id.slice(context.itemId.length + 1)} ${event.at} ${JSON.stringify(event.attributes)}`,
    )

  it('coding to ready, waiting to the first review, in review to the approval', () => {
    expect(
      life({
        start: '2026-03-09T08:05:11Z',
        ready: '2026-03-09T13:00:00Z',
        firstReview: '2026-03-10T09:00:00Z',
        approval: '2026-03-10T10:45:00Z',
        end: '2026-03-10T11:05:30Z',
        closedUnmerged: false,
        changesRequested: 1,
      }),
    ).toEqual([
      'coding:enter 2026-03-09T08:05:11Z {"project":"acme/ledger"}',
      'coding:exit 2026-03-09T13:00:00Z {"project":"acme/ledger"}',
      'awaiting-review:enter 2026-03-09T13:00:00Z {"project":"acme/ledger"}',
      'awaiting-review:exit 2026-03-10T09:00:00Z {"project":"acme/ledger"}',
      'in-review:enter 2026-03-10T09:00:00Z {"project":"acme/ledger","changesRequested":1}',
      'in-review:exit 2026-03-10T10:45:00Z {"project":"acme/ledger","changesRequested":1}',
    ])
  })

  it('closed unmerged while waiting for review: that stay exits at the close, abandoned', () => {
    expect(
      life({
        start: '2026-03-09T08:00:00Z',
        ready: '2026-03-09T09:00:00Z',
        end: '2026-03-09T17:00:00Z',
        closedUnmerged: true,
        changesRequested: 0,
      }),
    ).toEqual([
      'coding:enter 2026-03-09T08:00:00Z {"project":"acme/ledger"}',
      'coding:exit 2026-03-09T09:00:00Z {"project":"acme/ledger"}',
      'awaiting-review:enter 2026-03-09T09:00:00Z {"project":"acme/ledger"}',
      'awaiting-review:exit 2026-03-09T17:00:00Z {"project":"acme/ledger","closedUnmerged":true,"abandoned":true}',
    ])
  })
})

describe('ciStaysByItem and webhookJson', () => {
  it("groups attempts by item, finishes each item's carried stay, and hands back what stays open", () => {
    const other = { itemId: 'gitlab:acme/ledger!24', links: [], attributes: {} }
    const carried = {
      key: 'pipeline:1:1',
      enteredAt: '2026-03-10T11:00:00Z',
      attributes: {},
      runs: 1,
      running: [{ runId: '1', attempt: 1 }],
      context: other,
    }
    const result = ciStaysByItem(
      naming,
      'ci',
      [carried],
      [
        { context, attempts: [attempt('2', 1, '2026-03-10T11:00:00Z', undefined)] },
        { context: other, attempts: [attempt('1', 1, '2026-03-10T11:00:00Z', '2026-03-10T11:05:00Z')] },
      ],
    )
    expect(result.events.map((event) => `${event.id} ${event.at}`)).toEqual([
      'gitlab:acme/ledger!24:pipeline:1:1:exit 2026-03-10T11:05:00Z',
      'gitlab:acme/ledger!23:pipeline:2:1:enter 2026-03-10T11:00:00Z',
    ])
    expect(result.open.map((stay) => [stay.context.itemId, stay.key, stay.running])).toEqual([
      ['gitlab:acme/ledger!23', 'pipeline:2:1', [{ runId: '2', attempt: 1 }]],
    ])
    expect(result.queued).toEqual([])
  })

  it('webhookJson parses the raw body, or names the source when it is not JSON', () => {
    const body = (text: string) => ({ headers: {}, rawBody: new TextEncoder().encode(text) })
    expect(Effect.runSync(webhookJson('gitlab', body('{"object_kind":"build"}')))).toEqual({
      object_kind: 'build',
    })
    const exit = Effect.runSyncExit(webhookJson('gitlab', body('{"not": json')))
    expect(Exit.isFailure(exit) && exit.cause._tag === 'Fail' && exit.cause.error).toMatchObject({
      _tag: 'MalformedPayload',
      source: 'gitlab',
      path: '$',
    })
  })
})
