import { describe, expect, it } from 'vitest'
import { AttributeNames as A, MetricNames as M } from '../src/index.js'
import { attributeSets, ev, harness, histogram, value } from './support.js'

const build = { workflow: 'build', repository: 'acme/payments' }
const production = { environment: 'production' }

/**
 * A: the whole stream, done at 19 h. B: coded, CI failed, waiting for review. C: coded, a failed
 * then a successful production deployment, done at 8 h. D: a staging deployment only.
 */
const story = [
  ev('A', 'backlog', 'enter', 0),
  ev('A', 'backlog', 'exit', 2),
  ev('A', 'develop', 'enter', 2),
  ev('A', 'develop', 'exit', 10),
  ev('A', 'review-queue', 'enter', 10),
  ev('A', 'review-queue', 'exit', 14),
  ev('A', 'review', 'enter', 14),
  ev('A', 'review', 'exit', 16),
  ev('A', 'ci', 'enter', 16),
  ev('A', 'ci', 'exit', 17, {
    outcome: 'success',
    attributes: { ...build, queuedAt: '2026-03-02T15:30:00Z' },
  }),
  ev('A', 'deploy', 'enter', 18),
  ev('A', 'deploy', 'exit', 19, { outcome: 'success', attributes: production }),
  ev('A', 'done', 'enter', 19),
  ev('B', 'develop', 'enter', 4),
  ev('B', 'develop', 'exit', 6),
  ev('B', 'review-queue', 'enter', 6),
  ev('B', 'ci', 'enter', 6),
  ev('B', 'ci', 'exit', 6.5, { outcome: 'failure', attributes: build }),
  ev('C', 'develop', 'enter', 1),
  ev('C', 'develop', 'exit', 3),
  ev('C', 'deploy', 'enter', 5),
  ev('C', 'deploy', 'exit', 5.5, { outcome: 'failure', links: [{ kind: 'environment', id: 'production' }] }),
  ev('C', 'deploy', 'enter', 7),
  ev('C', 'deploy', 'exit', 8, { outcome: 'success', attributes: production }),
  ev('C', 'done', 'enter', 8),
  ev('D', 'deploy', 'enter', 9),
  ev('D', 'deploy', 'exit', 9.25, { outcome: 'success', attributes: { environment: 'staging' } }),
]

const HOUR = 3600
const stage = (name: string, activity: 'work' | 'wait') => ({ [A.stage]: name, [A.activity]: activity })

describe('the incremental recorder on a hand-computed story', () => {
  it('records stage times, lead and cycle times, throughput and pipeline runs exactly', async () => {
    const { recorder, collect } = harness({ now: () => Date.parse('2026-03-02T20:00:00Z') })
    for (const event of story) expect(recorder.record(event)).toBe(true)
    const metrics = await collect()
    expect(histogram(metrics, M.stageDuration, stage('backlog', 'wait'))).toEqual({ count: 1, sum: 2 * HOUR })
    expect(histogram(metrics, M.stageDuration, stage('develop', 'work'))).toEqual({
      count: 3,
      sum: 12 * HOUR,
    })
    expect(histogram(metrics, M.stageDuration, stage('review-queue', 'wait'))).toEqual({
      count: 1,
      sum: 4 * HOUR,
    })
    expect(histogram(metrics, M.stageDuration, stage('review', 'work'))).toEqual({ count: 1, sum: 2 * HOUR })
    expect(histogram(metrics, M.stageDuration, stage('ci', 'work'))).toEqual({ count: 2, sum: 1.5 * HOUR })
    expect(histogram(metrics, M.stageDuration, stage('deploy', 'work'))).toEqual({
      count: 4,
      sum: 2.75 * HOUR,
    })
    expect(histogram(metrics, M.leadTime)).toEqual({ count: 2, sum: (19 + 7) * HOUR })
    expect(histogram(metrics, M.cycleTime)).toEqual({ count: 2, sum: (17 + 7) * HOUR })
    expect(value(metrics, M.itemsCompleted)).toBe(2)
    const run = { [A.pipelineName]: 'build', [A.repository]: 'acme/payments' }
    expect(
      histogram(metrics, M.pipelineRunDuration, {
        ...run,
        [A.pipelineRunState]: 'executing',
        [A.pipelineResult]: 'success',
      }),
    ).toEqual({ count: 1, sum: HOUR })
    expect(
      histogram(metrics, M.pipelineRunDuration, {
        ...run,
        [A.pipelineRunState]: 'pending',
        [A.pipelineResult]: 'success',
      }),
    ).toEqual({ count: 1, sum: 0.5 * HOUR })
    expect(
      histogram(metrics, M.pipelineRunDuration, {
        ...run,
        [A.pipelineRunState]: 'executing',
        [A.pipelineResult]: 'failure',
      }),
    ).toEqual({ count: 1, sum: 0.5 * HOUR })
  })

  it('records the DORA keys: deployments by environment and outcome, lead time for changes, recovery, failure rate', async () => {
    const { recorder, collect } = harness()
    for (const event of story) recorder.record(event)
    const metrics = await collect()
    expect(value(metrics, M.deployments, { [A.environment]: 'production', [A.outcome]: 'success' })).toBe(2)
    expect(value(metrics, M.deployments, { [A.environment]: 'production', [A.outcome]: 'failure' })).toBe(1)
    expect(value(metrics, M.deployments, { [A.environment]: 'staging', [A.outcome]: 'success' })).toBe(1)
    expect(histogram(metrics, M.leadTimeForChanges)).toEqual({ count: 2, sum: (17 + 7) * HOUR })
    expect(histogram(metrics, M.recoveryTime)).toEqual({ count: 1, sum: 2.5 * HOUR })
    expect(value(metrics, M.changeFailureRate)).toBeCloseTo(1 / 3, 12)
  })

  it("a production deployment that is its item's first work has no lead time for changes", async () => {
    const { recorder, collect } = harness()
    for (const event of story) recorder.record(event)
    // E: a deployment of a change the events do not show (a bare commit), 9 to 9.1 h.
    recorder.record(ev('E', 'deploy', 'enter', 9))
    recorder.record(ev('E', 'deploy', 'exit', 9.1, { outcome: 'success', attributes: production }))
    const metrics = await collect()
    expect(value(metrics, M.deployments, { [A.environment]: 'production', [A.outcome]: 'success' })).toBe(3)
    expect(histogram(metrics, M.leadTimeForChanges)).toEqual({ count: 2, sum: (17 + 7) * HOUR })
  })

  it('shows WIP, the queue in front of each work stage, aging and flow efficiency as gauges', async () => {
    const { recorder, collect } = harness({ now: () => Date.parse('2026-03-02T20:00:00Z') })
    for (const event of story) recorder.record(event)
    const metrics = await collect()
    expect(value(metrics, M.wip, stage('review-queue', 'wait'))).toBe(1)
    expect(value(metrics, M.wip, stage('develop', 'work'))).toBe(0)
    expect(value(metrics, M.queue, { [A.stage]: 'review' })).toBe(1)
    expect(value(metrics, M.queue, { [A.stage]: 'deploy' })).toBe(0)
    expect(value(metrics, M.oldestAge, stage('review-queue', 'wait'))).toBe(14 * HOUR)
    // A: 12 h of work in 19 h; C: 3.5 h in 7 h.
    expect(value(metrics, M.flowEfficiency)).toBeCloseTo(15.5 / 26, 12)
    // Every stage of the stream, done included, has a WIP and a queue series, zeros too.
    const stages = ['backlog', 'develop', 'review-queue', 'review', 'ci', 'deploy-queue', 'deploy', 'done']
    expect(attributeSets(metrics, M.wip).map((set) => set[A.stage])).toEqual(stages)
    expect(attributeSets(metrics, M.queue).map((set) => set[A.stage])).toEqual(stages)
    expect(value(metrics, M.wip, stage('done', 'wait'))).toBe(0)
    expect(value(metrics, M.queue, { [A.stage]: 'done' })).toBe(0)
    expect(value(metrics, M.queue, { [A.stage]: 'review-queue' })).toBe(0)
  })

  it('counts a repeated id once and refuses invalid events and unknown stages', async () => {
    const { recorder, collect } = harness()
    for (const event of story) recorder.record(event)
    for (const event of story) expect(recorder.record(event)).toBe(false)
    expect(recorder.record({ ...story[0], id: 'bad', at: 'yesterday' })).toBe(false)
    expect(recorder.record({ ...story[0], id: 'unknown', stage: 'qa' })).toBe(false)
    const metrics = await collect()
    expect(value(metrics, M.itemsCompleted)).toBe(2)
    expect(histogram(metrics, M.stageDuration, stage('develop', 'work'))).toEqual({
      count: 3,
      sum: 12 * HOUR,
    })
  })

  it('counts changes (events linking a pull request) by state and repository: vcs.change.count', async () => {
    const { recorder, collect } = harness()
    const pr = (n: number) => ({
      links: [{ kind: 'pr', id: `acme/payments#${n}` }],
      attributes: { repository: 'acme/payments' },
    })
    recorder.record(ev('P1', 'develop', 'enter', 0, pr(1)))
    recorder.record(ev('P1', 'develop', 'exit', 2, pr(1)))
    recorder.record(ev('P1', 'done', 'enter', 3, pr(1)))
    recorder.record(ev('P2', 'develop', 'enter', 1, pr(2)))
    recorder.record(ev('P3', 'review-queue', 'enter', 1, pr(3)))
    recorder.record(
      ev('P3', 'review-queue', 'exit', 4, {
        ...pr(3),
        attributes: { repository: 'acme/payments', closedUnmerged: true },
      }),
    )
    recorder.record(ev('T', 'develop', 'enter', 1))
    const metrics = await collect()
    const repo = { [A.repository]: 'acme/payments' }
    expect(value(metrics, M.changeCount, { ...repo, [A.changeState]: 'merged' })).toBe(1)
    expect(value(metrics, M.changeCount, { ...repo, [A.changeState]: 'open' })).toBe(1)
    expect(value(metrics, M.changeCount, { ...repo, [A.changeState]: 'closed' })).toBe(1)
    expect(attributeSets(metrics, M.changeCount)).toHaveLength(3)
  })

  it('pairs an exit that arrives before its enter', async () => {
    const { recorder, collect } = harness()
    recorder.record(ev('E', 'review', 'exit', 5))
    recorder.record(ev('E', 'review', 'enter', 3))
    const metrics = await collect()
    expect(histogram(metrics, M.stageDuration, stage('review', 'work'))).toEqual({ count: 1, sum: 2 * HOUR })
  })

  it('never puts an item id in an attribute', async () => {
    const { recorder, collect } = harness()
    for (const event of story) recorder.record(event)
    const metrics = await collect()
    const values = metrics.flatMap((metric) =>
      metric.dataPoints.flatMap((point) => Object.values(point.attributes)),
    )
    for (const item of ['A', 'B', 'C', 'D']) expect(values).not.toContain(item)
  })
})
