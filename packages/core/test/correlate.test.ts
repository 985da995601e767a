import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  correlate,
  defaultCorrelation,
  explainItem,
  foldTimelines,
  indexStream,
  multiSourceValueStream,
  type StageEventEncoded,
} from '../src/index.js'
import { analyze, ev, HOUR, readLog, T0 } from './support/events.js'
import {
  build,
  deploy,
  jira,
  MERGE,
  pull,
  sha,
  sourceDone,
  sourceStay,
  ticketToProduction,
} from './support/sources.js'

const H = 3600
const stream = multiSourceValueStream
const index = indexStream(stream)
const at = (hours: number) => T0 + hours * HOUR

const timelinesOf = (events: ReadonlyArray<StageEventEncoded>) => {
  const correlated = correlate(readLog(events, stream))
  return foldTimelines(correlated.items, index, { parts: correlated.parts })
}

const staysOf = (events: ReadonlyArray<StageEventEncoded>, itemId: string) =>
  timelinesOf(events)
    .timelines.find((timeline) => timeline.itemId === itemId)!
    .intervals.map((interval) => [index.stages[interval.stage]!.name, interval.enter, interval.exit])

/** PAY-142's stays after joining: the ticket's In Progress ends where its pull request asks for review. */
const PAY_142_STAYS = [
  ['backlog', at(0), at(10)],
  ['develop', at(10), at(20)],
  ['review-queue', at(20), at(22)],
  ['review', at(22), at(25)],
  ['ci', at(25.5), at(26)],
  ['deploy', at(27), at(28)],
  ['done', at(28), undefined],
]

describe('one timeline per work item across sources', () => {
  it('a Jira ticket, its pull request, the build of its merge commit and its production deployment are one item', () => {
    const report = analyze(ticketToProduction, undefined, stream)
    expect(report.correlation).toEqual({
      items: 1,
      joined: 1,
      bareDeployments: 0,
      unlinked: [],
      rules: ['pr', 'commit', 'issue-key', 'deploy-range'],
    })
    expect(report.items).toEqual({ total: 1, completed: 1, inProgress: 0, abandoned: 0 })
    // From In Progress (10 h, the commitment point) to the production deployment (28 h).
    expect(report.leadTime).toEqual({ count: 1, p50: 18 * H, p85: 18 * H, p95: 18 * H, mean: 18 * H })
    expect(report.cycleTime!.p50).toBe(18 * H)
    // Work: develop 10–20 (the ticket's In Progress and the coding, one stay, until the pull
    // request asks for review), review 22–25, ci 25.5–26 and deploy 27–28: 14.5 of 18 h.
    expect(report.flowEfficiency).toBeCloseTo(14.5 / 18, 12)
    expect(report.done.rule).toBe('production-deploy')
    expect(report.warnings).toEqual([])
    // The ticket stays In Progress until 26 h, but the code is in review from 20 h: develop ends there.
    expect(staysOf(ticketToProduction, 'jira:PAY-142')).toEqual(PAY_142_STAYS)
  })

  it('names the joined item by the tracker and lists the members with the rule that joined each', () => {
    const correlated = correlate(readLog(ticketToProduction, stream))
    expect([...correlated.items.keys()]).toEqual(['jira:PAY-142'])
    expect(correlated.members.get('jira:PAY-142')).toEqual([
      { itemId: 'github:acme/api#7', sources: ['github'], events: 7, rule: 'issue-key', via: 'PAY-142' },
      {
        itemId: `github:acme/api@${MERGE}`,
        sources: ['argocd', 'jenkins'],
        events: 5,
        rule: 'commit',
        via: MERGE,
      },
      { itemId: 'jira:PAY-142', sources: ['jira'], events: 5, rule: 'id', via: 'jira:PAY-142' },
    ])
  })

  it('without a tracker the pull request names the item; without either, the commit', () => {
    const noTicket = ticketToProduction.filter((event) => event.source !== 'jira')
    expect([...correlate(readLog(noTicket, stream)).items.keys()]).toEqual(['github:acme/api#7'])
    const onlyCommit = ticketToProduction.filter(
      (event) => event.source === 'jenkins' || event.source === 'argocd',
    )
    expect([...correlate(readLog(onlyCommit, stream)).items.keys()]).toEqual([`github:acme/api@${MERGE}`])
  })

  it('with no rule running, the same events are three items, as before', () => {
    const report = analyze(ticketToProduction, undefined, stream, {
      correlation: { ...defaultCorrelation, rules: [] },
    })
    expect(report.correlation).toMatchObject({ items: 3, joined: 0, rules: [] })
    // The ticket is done at its tracker Done (0 → 26 h) and the commit at its deployment
    // (25.5 → 28 h); the pull request waits for a deployment of its own.
    expect(report.items).toEqual({ total: 3, completed: 2, inProgress: 1, abandoned: 0 })
    expect(report.leadTime!.mean).toBe(((26 + 2.5) / 2) * H)
  })

  it('the issue-key pattern decides what an issue link is', () => {
    const report = analyze(ticketToProduction, undefined, stream, {
      correlation: { ...defaultCorrelation, issueKeyPattern: 'OPS-\\d+' },
    })
    expect(report.correlation.items).toBe(2)
  })
})

/** Three pull requests of acme/api merged at 2, 4 and 6 h; M1 deployed at 3–3.5 h, M3 at 7–8 h. */
const M = [sha('1'), sha('2'), sha('3')] as const
const pr = (n: number) => ({
  itemId: `github:acme/api#${n}`,
  source: 'github',
  links: [
    { kind: 'pr' as const, id: `acme/api#${n}` },
    { kind: 'commit' as const, id: M[n - 1]! },
  ],
  attributes: { repository: 'acme/api' },
})
const argo = (revision: string, environment: string) => ({
  itemId: `github:acme/api@${revision}`,
  source: 'argocd',
  links: [{ kind: 'commit' as const, id: revision }],
  attributes: { repository: 'acme/api', environment },
})
const release = (revision: string, enter: number, exit: number) => [
  ...sourceStay(argo(revision, 'production'), 'deploy', enter, exit, { outcome: 'success' as const }),
  sourceDone(argo(revision, 'production'), exit, 'production-deploy'),
]
const ranges: StageEventEncoded[] = [
  ...sourceStay(pr(1), 'develop', 0, 1),
  sourceDone(pr(1), 2, 'merge'),
  ...sourceStay(pr(2), 'develop', 1, 3),
  sourceDone(pr(2), 4, 'merge'),
  ...sourceStay(pr(3), 'develop', 2, 5),
  sourceDone(pr(3), 6, 'merge'),
  ...release(M[0], 3, 3.5),
  // A staging deployment of M3: the first of staging, so it joins M3 only.
  ...sourceStay(argo(M[2], 'staging'), 'deploy', 6.5, 6.75, { outcome: 'success' }),
  ...release(M[2], 7, 8),
]

describe('a deployment belongs to every item merged in its revision range', () => {
  it('the deployment of M3 also delivers #2, merged between M1 and M3', () => {
    const report = analyze(ranges)
    expect(report.correlation).toMatchObject({ items: 3, joined: 3, unlinked: [] })
    // #1: 0 → 3.5 h; #2: 1 → 8 h (delivered with M3); #3: 2 → 8 h.
    expect(report.leadTime).toMatchObject({ count: 3, p50: 6 * H, mean: ((3.5 + 7 + 6) / 3) * H })
    // #2's merge at 4 h is no done: acme/api deploys.
    expect(staysOf(ranges, 'github:acme/api#2')).toEqual([
      ['develop', at(1), at(3)],
      ['deploy', at(7), at(8)],
      ['done', at(8), undefined],
    ])
    expect(staysOf(ranges, 'github:acme/api#3')).toEqual([
      ['develop', at(2), at(5)],
      ['deploy', at(6.5), at(6.75)],
      ['deploy', at(7), at(8)],
      ['done', at(8), undefined],
    ])
    expect(correlate(readLog(ranges)).members.get('github:acme/api#2')).toEqual([
      { itemId: 'github:acme/api#2', sources: ['github'], events: 3, rule: 'id', via: 'github:acme/api#2' },
      {
        itemId: `github:acme/api@${M[2]}`,
        sources: ['argocd'],
        events: 3,
        rule: 'deploy-range',
        via: `production ${M[2]}`,
      },
    ])
  })

  it("a GitOps tool naming its configuration repository still ranges over the code's merges", () => {
    // Argo CD names acme/api-deploy, the repository it syncs from; the revisions are acme/api's.
    const gitops = ranges.map((event) =>
      event.source === 'argocd'
        ? {
            ...event,
            itemId: event.itemId.replace('acme/api@', 'acme/api-deploy@'),
            attributes: { ...event.attributes, repository: 'acme/api-deploy' },
          }
        : event,
    )
    const report = analyze(gitops)
    expect(report.correlation).toMatchObject({ items: 3, joined: 3, unlinked: [] })
    expect(report.leadTime).toMatchObject({ count: 3, p50: 6 * H, mean: ((3.5 + 7 + 6) / 3) * H })
    expect(correlate(readLog(gitops)).members.get('github:acme/api#2')).toMatchObject([
      { itemId: 'github:acme/api#2', rule: 'id' },
      { itemId: `github:acme/api-deploy@${M[2]}`, rule: 'deploy-range', via: `production ${M[2]}` },
    ])
  })

  it('without the deploy-range rule #2 is merged and not delivered', () => {
    const report = analyze(ranges, undefined, undefined, {
      correlation: { ...defaultCorrelation, rules: ['pr', 'commit', 'issue-key'] },
    })
    expect(report.items).toMatchObject({ completed: 2, inProgress: 1 })
  })
})

describe("a joined item's stays: the code's facts win over the ticket's statuses", () => {
  it("a ticket left open while its code ships ends at the code's next stage, and nothing runs past done", () => {
    // The ticket never leaves In Progress; GitHub reports the production deployment a little
    // after Argo CD (27–28.05 h) and its review stays open.
    const events = [
      ...ticketToProduction.filter((event) => event.source !== 'jira' || event.stage === 'backlog'),
      ev('jira:PAY-142', 'develop', 'enter', 10, {
        source: 'jira',
        links: jira.links,
        attributes: jira.attributes,
      }),
      ...sourceStay({ ...pull, itemId: 'github:acme/api#7' }, 'deploy', 27.5, 28.05, {
        outcome: 'success',
        attributes: { environment: 'production', production: true },
      }),
    ]
    expect(staysOf(events, 'jira:PAY-142')).toEqual(PAY_142_STAYS)
    expect(analyze(events, undefined, stream).warnings).toEqual([])
  })

  it("DORA's lead time for changes starts at the code's first work, not the ticket's In Progress", () => {
    const report = analyze(ticketToProduction, undefined, stream)
    // The pull request's coding starts at 12 h, the ticket's In Progress at 10 h; deployed at 28 h.
    expect(report.dora!.leadTimeForChanges).toMatchObject({ count: 1, p50: 16 * H })
    expect(report.leadTime!.p50).toBe(18 * H)
  })
})

describe('a deployment of a commit no pull request carries', () => {
  const unknown = sha('e')
  const bare = {
    ...deploy,
    itemId: `github:acme/api@${unknown}`,
    links: [{ kind: 'commit' as const, id: unknown }],
  }
  const events = [
    ...ticketToProduction,
    ...sourceStay(bare, 'deploy', 30, 30.05, { outcome: 'success' }),
    sourceDone(bare, 30.05, 'production-deploy'),
  ]

  it('is no work item: no lead time of three minutes, but a deployment for the DORA keys', () => {
    const report = analyze(events, undefined, stream)
    expect(report.correlation).toEqual({
      items: 1,
      joined: 1,
      bareDeployments: 1,
      unlinked: [{ source: 'argocd', reason: 'deployment of a commit in no pull request', events: 3 }],
      rules: ['pr', 'commit', 'issue-key', 'deploy-range'],
    })
    expect(report.items).toEqual({ total: 1, completed: 1, inProgress: 0, abandoned: 0 })
    expect(report.leadTime).toMatchObject({ count: 1, p50: 18 * H })
    // Two production deployments; lead time for changes only for the one whose change is known.
    expect(report.dora).toMatchObject({ deployments: 2, changeFailureRate: 0 })
    expect(report.dora!.leadTimeForChanges).toMatchObject({ count: 1, p50: 16 * H })
    expect(explainItem(readLog(events, stream), stream, bare.itemId)).toMatchObject({
      itemId: bare.itemId,
      doneAt: new Date(at(30.05)).toISOString(),
    })
  })

  it('stays an item when the events hold deployments only', () => {
    const onlyDeploys = events.filter((event) => event.source === 'argocd')
    const report = analyze(onlyDeploys, undefined, stream)
    expect(report.correlation).toMatchObject({ items: 2, bareDeployments: 0 })
    // Their lead times are their deployments; DORA has no change to measure from.
    expect(report.dora).toMatchObject({ deployments: 2 })
    expect(report.dora!.leadTimeForChanges.count).toBe(0)
    expect(report.dora!.bands.leadTimeForChanges).toBeNull()
  })
})

describe('what stays unlinked', () => {
  const orphanBuild = {
    ...build,
    itemId: `github:acme/api@${sha('f')}`,
    links: [{ kind: 'commit' as const, id: sha('f') }],
  }
  const otherKey = {
    ...pull,
    itemId: 'github:acme/api#9',
    links: [
      { kind: 'pr' as const, id: 'acme/api#9' },
      { kind: 'issue' as const, id: 'PAY-9' },
    ],
  }
  const events = [
    ...ticketToProduction,
    ...sourceStay(orphanBuild, 'ci', 30, 31, { outcome: 'success' }),
    ...sourceStay(otherKey, 'develop', 30, 32),
    ...sourceStay(otherKey, 'review', 33, 34),
  ]

  it('is counted by source and reason', () => {
    expect(analyze(events, undefined, stream).correlation).toEqual({
      items: 3,
      joined: 1,
      bareDeployments: 0,
      unlinked: [
        { source: 'jenkins', reason: 'commit not in any pull request', events: 2 },
        { source: 'github', reason: 'issue key matches no tracker item', events: 4 },
      ],
      rules: ['pr', 'commit', 'issue-key', 'deploy-range'],
    })
  })

  it('issue keys are not counted unlinked when the issue-key rule does not run', () => {
    const report = analyze(events, undefined, stream, {
      correlation: { ...defaultCorrelation, rules: ['pr', 'commit', 'deploy-range'] },
    })
    expect(report.correlation.unlinked).toEqual([
      { source: 'jenkins', reason: 'commit not in any pull request', events: 2 },
    ])
  })

  it('joining is deterministic: the same events in any order give the same items and report', () => {
    const all = [
      ...events,
      ...ranges.map((event) => ({
        ...event,
        id: `r/${event.id}`,
        itemId: event.itemId.replace('acme/api', 'acme/web'),
      })),
    ]
    const expected = analyze(all, undefined, stream)
    const expectedItems = correlate(readLog(all, stream))
    let runs = 0
    fc.assert(
      fc.property(fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length }), (shuffled) => {
        runs++
        expect(analyze(shuffled, undefined, stream)).toEqual(expected)
        const again = correlate(readLog(shuffled, stream))
        expect(again.members).toEqual(expectedItems.members)
        expect([...again.items.keys()].sort()).toEqual([...expectedItems.items.keys()].sort())
      }),
      { numRuns: 30 },
    )
    expect(runs).toBe(30)
  })

  it('keeps every event id: a joined event keeps its own', () => {
    const correlated = correlate(readLog(ticketToProduction, stream))
    const ids = correlated.items.get('jira:PAY-142')!.map((event) => event.id)
    expect(ids.sort()).toEqual(ticketToProduction.map((event) => event.id).sort())
    expect(new Set(ids).size).toBe(ticketToProduction.length)
  })
})

describe('done per joined item', () => {
  const noDeploy = ticketToProduction.filter((event) => event.source !== 'argocd')

  it('is the merge when the repository has no production deployment, not the tracker Done', () => {
    const report = analyze(noDeploy, undefined, stream)
    // 10 → 25 h (the merge), not 26 h (the ticket's Done).
    expect(report.leadTime!.p50).toBe(15 * H)
    expect(report.done).toEqual({
      rule: 'merge',
      scopes: [{ scope: 'acme/api', rule: 'merge' }],
      sentence: 'Done is the merge in acme/api, which has no production deployments.',
    })
  })

  it("is the tracker's Done for a ticket with neither a merge nor a deployment", () => {
    const ticket = ticketToProduction.filter((event) => event.source === 'jira')
    const report = analyze(ticket, undefined, stream)
    expect(report.leadTime!.p50).toBe(26 * H)
    expect(report.done).toEqual({
      rule: 'tracker',
      scopes: [],
      sentence: "Done is the issue tracker's Done.",
    })
  })
})

describe('correlation at scale', () => {
  it('joins 4,000 pull requests with their builds and deployments, SHAs sharing their first digits', () => {
    const events: StageEventEncoded[] = []
    const count = 4_000
    for (let n = 0; n < count; n++) {
      const revision = n.toString(16).padStart(40, '0')
      const change = {
        itemId: `github:acme/api#${n}`,
        source: 'github',
        links: [
          { kind: 'pr' as const, id: `acme/api#${n}` },
          { kind: 'commit' as const, id: revision },
        ],
        attributes: { repository: 'acme/api' },
      }
      const commit = {
        itemId: `github:acme/api@${revision}`,
        source: 'jenkins',
        links: [{ kind: 'commit' as const, id: revision }],
        attributes: { repository: 'acme/api', environment: 'production' },
      }
      events.push(
        ...sourceStay(change, 'develop', n / 100, n / 100 + 1),
        sourceDone(change, n / 100 + 2, 'merge'),
        ...sourceStay(commit, 'deploy', n / 100 + 3, n / 100 + 4, { outcome: 'success' }),
      )
    }
    const log = readLog(events)
    const correlated = correlate(log)
    expect(correlated.summary).toMatchObject({ items: count, joined: count, unlinked: [] })
  })
})

describe('the drill-down of one item', () => {
  it('lists the members, the rule that joined each, and the stays, found by any member id', () => {
    const log = readLog(ticketToProduction, stream)
    const iso = (hours: number) => new Date(at(hours)).toISOString()
    const explained = explainItem(log, stream, 'github:acme/api#7')
    expect(explained).toEqual({
      itemId: 'jira:PAY-142',
      members: correlate(log).members.get('jira:PAY-142'),
      timeline: [
        { stage: 'backlog', enter: iso(0), exit: iso(10) },
        { stage: 'develop', enter: iso(10), exit: iso(20) },
        { stage: 'review-queue', enter: iso(20), exit: iso(22) },
        { stage: 'review', enter: iso(22), exit: iso(25) },
        { stage: 'ci', enter: iso(25.5), exit: iso(26) },
        { stage: 'deploy', enter: iso(27), exit: iso(28) },
        { stage: 'done', enter: iso(28), exit: null },
      ],
      leadStart: iso(10),
      doneAt: iso(28),
    })
    expect(explained!.members.map((member) => [member.itemId, member.rule])).toEqual([
      ['github:acme/api#7', 'issue-key'],
      [`github:acme/api@${MERGE}`, 'commit'],
      ['jira:PAY-142', 'id'],
    ])
    expect(explainItem(log, stream, 'github:acme/api#404')).toBeUndefined()
  })
})

describe('the multi-source value stream', () => {
  it('is the default stream with refinement and the ready queue between backlog and develop', () => {
    expect(multiSourceValueStream.stages.map((stage) => `${stage.name}:${stage.activity}`)).toEqual([
      'backlog:wait',
      'refine:work',
      'ready:wait',
      'develop:work',
      'review-queue:wait',
      'review:work',
      'ci:work',
      'deploy-queue:wait',
      'deploy:work',
      'done:wait',
    ])
    expect([multiSourceValueStream.commitment, multiSourceValueStream.done]).toEqual(['develop', 'done'])
  })
})
