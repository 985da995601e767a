/**
 * The story of PAY-142 (`/work/shared/fixtures/STORY.md`) end to end, through the real adapters
 * on their own fixtures: `herbie sync jira`, `sync github`, `sync jenkins` and `sync argocd`
 * against loopback stand-ins write one events file, and `herbie analyze` joins the Jira ticket,
 * pull request acme/payments#87, Jenkins build #311 and Argo CD's payments-prod entry 41 into one
 * work item whose lead time runs from Jira's In Progress to the production deployment.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { multiSourceValueStream } from '@herbie/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFakeGithub } from './support/fakeGithub.js'
import { startFakeStory, storyCredentials } from './support/fakeStory.js'
import { herbieAsync } from './support/run.js'

const MERGE = '9f1c2e7b4a6d8c0e1f3a5b7c9d2e4f6a8b0c1d3e'

describe('one feature across Jira, GitHub, Jenkins and Argo CD, synced from loopback servers', () => {
  let github: Awaited<ReturnType<typeof startFakeGithub>>
  let story: Awaited<ReturnType<typeof startFakeStory>>
  const dir = mkdtempSync(join(tmpdir(), 'herbie-story-'))
  const out = join(dir, 'events.ndjson')
  const checkpoints = join(dir, 'checkpoints')
  const streamFile = join(dir, 'multi-source.json')
  writeFileSync(streamFile, JSON.stringify(multiSourceValueStream))
  const sync = (env: Record<string, string>, adapter: string, ...options: string[]) =>
    herbieAsync(env, 'sync', adapter, ...options, '--out', out, '--checkpoints', checkpoints)
  const analyze = async (...options: string[]) => {
    const { code, stdout, stderr } = await herbieAsync({}, 'analyze', '--events', out, '--json', ...options)
    expect(stderr).toBe('')
    expect(code).toBe(0)
    return JSON.parse(stdout)
  }

  beforeAll(async () => {
    github = await startFakeGithub()
    story = await startFakeStory()
  })
  afterAll(async () => {
    await github.close()
    await story.close()
  })

  it('the four syncs write into one file: 13 Jira, 27 GitHub, 8 Jenkins and 9 Argo CD events', async () => {
    const runs = [
      await sync(
        storyCredentials.jira,
        'jira',
        '--base-url',
        `${story.origin}/jira`,
        '--jql',
        'project = PAY',
      ),
      await sync(
        { GITHUB_TOKEN: 'ghs_loopbacktoken000' },
        'github',
        '--repo',
        'acme/payments',
        '--base-url',
        github.baseUrl,
      ),
      await sync(storyCredentials.jenkins, 'jenkins', '--base-url', `${story.origin}/jenkins`),
      await sync(
        storyCredentials.argocd,
        'argocd',
        '--base-url',
        `${story.origin}/argocd`,
        '--app',
        'payments-prod',
      ),
    ]
    expect(runs.map((run) => run.code)).toEqual([0, 0, 0, 0])
    expect(
      runs.map((run) => /^synced .*: (\d+ pages, \d+ events, \d+ written)/m.exec(run.stderr)?.[1]),
    ).toEqual([
      '2 pages, 13 events, 13 written',
      '12 pages, 27 events, 27 written',
      '1 pages, 8 events, 8 written',
      '1 pages, 9 events, 9 written',
    ])
  })

  it('--item jira:PAY-142 is one item of the ticket, the pull request, the build and the deploy, each with its rule', async () => {
    const item = await analyze('--item', 'jira:PAY-142')
    expect(item.itemId).toBe('jira:PAY-142')
    expect(item.members).toEqual([
      // PR #87's title and branch name PAY-142.
      {
        itemId: 'github:acme/payments#87',
        sources: ['github'],
        events: 22,
        rule: 'issue-key',
        via: 'PAY-142',
      },
      // Argo CD names the application's source repository (acme/payments-deploy) with the
      // revision it synced, the merge commit of #87: joined by that SHA.
      {
        itemId: `github:acme/payments-deploy@${MERGE}`,
        sources: ['argocd'],
        events: 3,
        rule: 'commit',
        via: MERGE,
      },
      // Build #311 of payments/main built the merge commit.
      {
        itemId: `github:acme/payments@${MERGE}`,
        sources: ['jenkins'],
        events: 6,
        rule: 'commit',
        via: MERGE,
      },
      { itemId: 'jira:PAY-142', sources: ['jira'], events: 5, rule: 'id', via: 'jira:PAY-142' },
    ])
    expect(item.timeline).toEqual([
      // Jira: created 03-02 09:15:00, In Progress 03-03 10:02:11.
      { stage: 'backlog', enter: '2026-03-02T09:15:00.000Z', exit: '2026-03-03T10:02:11.000Z' },
      // Jira's In Progress (10:02:11) lasts until Done (03-06 11:00:27): In Review, Ready for QA
      // and In QA are of category indeterminate, all develop by default. The code moves on
      // before: the first CI run enters ci at 03-04 15:52:10, where the ticket's stay ends; the
      // PR's coding (first commit 03-03 10:40:12 to ready for review 03-04 16:15:40) overlaps
      // it: one stay, to 16:15:40.
      { stage: 'develop', enter: '2026-03-03T10:02:11.000Z', exit: '2026-03-04T16:15:40.000Z' },
      // The failed CI run on the first head, 15:52:10 to 16:06:12.
      { stage: 'ci', enter: '2026-03-04T15:52:10.000Z', exit: '2026-03-04T16:06:12.000Z' },
      // Ready for review 03-04 16:15:40 to CHANGES_REQUESTED 03-05 09:31:22.
      { stage: 'review-queue', enter: '2026-03-04T16:15:40.000Z', exit: '2026-03-05T09:31:22.000Z' },
      // CHANGES_REQUESTED 09:31:22 to APPROVED 14:08:51.
      { stage: 'review', enter: '2026-03-05T09:31:22.000Z', exit: '2026-03-05T14:08:51.000Z' },
      // The pull_request run on the new head: first job 11:04:02, completed 11:19:47.
      { stage: 'ci', enter: '2026-03-05T11:04:02.000Z', exit: '2026-03-05T11:19:47.000Z' },
      // The push run of the merge commit (14:30:20 to 14:44:02) and build #311 (started
      // 14:31:02, through Publish image until the approval at 14:44:06.447) overlap: one stay.
      { stage: 'ci', enter: '2026-03-05T14:30:20.000Z', exit: '2026-03-05T14:44:06.447Z' },
      // #311's Approve production input (14:44:06.447 to 14:49:07.642, about 5 min) holds the
      // GitHub staging deployment's queue (created 14:45:00, in progress 14:45:09).
      { stage: 'deploy-queue', enter: '2026-03-05T14:44:06.447Z', exit: '2026-03-05T14:49:07.642Z' },
      // Staging: GitHub 14:45:09 to success 14:49:30, #311's Deploy to staging 14:49:07.642 to
      // 14:51:08.130 (2 min): one stay.
      { stage: 'deploy', enter: '2026-03-05T14:45:09.000Z', exit: '2026-03-05T14:51:08.130Z' },
      // GitHub's production deployment waits for its reviewer: created 15:58:00, in progress 16:00:10.
      { stage: 'deploy-queue', enter: '2026-03-05T15:58:00.000Z', exit: '2026-03-05T16:00:10.000Z' },
      // Production: Argo CD entry 41 16:00:02 to 16:04:38, GitHub 16:00:10 to success 16:04:41;
      // the item is done at 16:04:38, and no stay runs past its done.
      { stage: 'deploy', enter: '2026-03-05T16:00:02.000Z', exit: '2026-03-05T16:04:38.000Z' },
      // The first successful production deployment: Argo CD's deployedAt, 3 s before GitHub's.
      { stage: 'done', enter: '2026-03-05T16:04:38.000Z', exit: null },
    ])
    // Not the merge (14:30:05), not Jira's Done (03-06 11:00:27), not GitHub's success (16:04:41).
    expect(item.leadStart).toBe('2026-03-03T10:02:11.000Z')
    expect(item.doneAt).toBe('2026-03-05T16:04:38.000Z')
    // The multi-source stream names the same stages, so it explains the item the same way.
    expect(await analyze('--item', 'github:acme/payments#87', '--stream', streamFile)).toEqual(item)
  })

  it('analyze with the multi-source stream: PAY-142 done with a lead time of 2 d 6 h 2 min 27 s', async () => {
    const report = await analyze('--stream', streamFile)
    // PAY-142 (with #87, #311, entry 41); PAY-151 with PR #88 (its branch names PAY-151);
    // PAY-150 alone (its merge request is on GitLab); PR #86; build #310's commit. Argo CD's
    // entries of revisions e1f2a3b… and b2c3d4e… deploy commits no pull request carries: they
    // are deployments (for DORA), not work items.
    expect(report.correlation).toEqual({
      items: 5,
      joined: 2,
      bareDeployments: 2,
      unlinked: [
        { source: 'jenkins', reason: 'commit not in any pull request', events: 2 },
        { source: 'argocd', reason: 'deployment of a commit in no pull request', events: 6 },
      ],
      rules: ['pr', 'commit', 'issue-key', 'deploy-range'],
    })
    expect(report.items).toEqual({ total: 5, completed: 2, inProgress: 2, abandoned: 1 })
    // Done: PAY-142 at 03-05 16:04:38 and PAY-150 at Jira's Done 03-10 12:00:00.
    // PAY-142: 03-03 10:02:11 → 03-05 16:04:38 = 2 d 6 h 2 min 27 s = 172800 + 21600 + 147 = 194547 s.
    // PAY-150, joined to nothing, from its first enter: 03-06 15:40:00 → 03-10 12:00:00
    // = 3 d 20 h 20 min = 259200 + 72000 + 1200 = 332400 s.
    // p50 = mean = (194547 + 332400) / 2 = 263473.5 (not pulled down by two 2-minute deployments).
    expect(report.leadTime).toMatchObject({ count: 2, p50: 263473.5, mean: 263473.5 })
    // Cycle time from develop: PAY-150 03-09 08:05 → 03-10 12:00 = 100500 s, PAY-142 as above.
    expect(report.cycleTime).toMatchObject({ count: 2, p50: 147523.5, mean: 147523.5 })
    // Three production deployments (entry 41 and GitHub's production deployment are one stay,
    // the two bare ones). Lead time for changes only where the change is known: PAY-142's, from
    // the first commit 03-03 10:40:12 (not the ticket's In Progress) to done 03-05 16:04:38
    // (the stay ends at done, not GitHub's 16:04:41) = 2 d 5 h 24 min 26 s = 192266 s.
    expect(report.dora).toMatchObject({ deployments: 3, changeFailureRate: 0 })
    expect(report.dora.leadTimeForChanges).toMatchObject({ count: 1, p50: 192266, mean: 192266 })
    expect(report.window).toEqual({
      from: '2026-03-02T09:15:00.000Z',
      to: '2026-03-10T12:00:00.000Z',
      days: 8 + (2 * 60 + 45) / (24 * 60),
    })
    // develop's time counts PAY-142 until its code moved on, 03-03 10:02:11 → 03-04 16:15:40
    // = 1 d 6 h 13 min 29 s = 86400 + 21600 + 809 = 108809 s, not the ticket's whole In Progress
    // to Done (262696 s, 18 h 55 min 49 s past its done). With PAY-150's 100500 s and PR #86's
    // 0 s (develop entered and left at 13:40:09): p50 = 100500;
    // p85 = 100500 + 0.7 × (108809 − 100500) = 106316.3.
    const develop = report.stages.find((stage: { name: string }) => stage.name === 'develop')
    expect(develop.timeInStage).toMatchObject({ count: 3, p50: 100500 })
    expect(develop.timeInStage.p85).toBeCloseTo(106316.3, 6)
    expect(report.warnings).toEqual([])
  })

  it('the terminal report says the two bare deployments count for DORA only', async () => {
    const { code, stdout } = await herbieAsync({}, 'analyze', '--events', out, '--stream', streamFile)
    expect(code).toBe(0)
    expect(stdout).toContain('  - 6 argocd events unlinked: deployment of a commit in no pull request')
    expect(stdout).toContain(
      '  2 deployments of commits in no pull request count for DORA only, not as work items',
    )
    expect(stdout).toMatch(/^ {2}lead time for changes +2\.2 d p50 +\(high\)$/m)
  })
})
