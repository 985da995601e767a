import { describe, expect, it } from 'vitest'
import { analyze, stage, stay } from './support/events.js'
import { story } from './support/story.js'

const H = 3600
const WINDOW_HOURS = 22

describe('flow metrics on the three-item story (hand-computed)', () => {
  const report = analyze(story)

  it('covers the first to the last event', () => {
    expect(report.window.from).toBe('2026-03-02T00:00:00.000Z')
    expect(report.window.to).toBe('2026-03-02T22:00:00.000Z')
  })

  it('counts items: A and B done, C in progress', () => {
    expect(report.items).toEqual({ total: 3, completed: 2, inProgress: 1, abandoned: 0 })
  })

  it('lead time from first enter to done: A 19 h, B 18 h', () => {
    expect(report.leadTime).toEqual({
      count: 2,
      p50: 18.5 * H,
      p85: 18.85 * H,
      p95: 18.95 * H,
      mean: 18.5 * H,
    })
  })

  it('cycle time from the commitment point (develop): A 17 h, B 18 h', () => {
    expect(report.cycleTime!.p50).toBeCloseTo(17.5 * H, 6)
    expect(report.cycleTime!.mean).toBeCloseTo(17.5 * H, 6)
    expect(report.cycleTime!.p85).toBeCloseTo(17.85 * H, 6)
    expect(report.cycleTime!.count).toBe(2)
  })

  it('flow efficiency is work time over lead time, sum over sum: 23 / 37', () => {
    expect(report.flowEfficiency).toBeCloseTo(23 / 37, 12)
  })

  it('throughput is items done per day of window', () => {
    expect(report.throughputPerDay).toBeCloseTo(2 / (WINDOW_HOURS / 24), 12)
  })

  it('develop: four stays (one rework), waits 2 h, 0, 0 and 5 h', () => {
    const develop = stage(report, 'develop')
    expect(develop.arrivals).toBe(4)
    expect(develop.departures).toBe(4)
    expect(develop.timeInStage.p50).toBeCloseTo(5 * H, 6)
    expect(develop.timeInStage.p85).toBeCloseTo(7.1 * H, 6)
    expect(develop.timeInStage.p95).toBeCloseTo(7.7 * H, 6)
    expect(develop.timeInStage.mean).toBeCloseTo(5 * H, 6)
    expect(develop.avgWip).toBeCloseTo(20 / 22, 12)
    expect(develop.wipNow).toBe(0)
    expect(develop.peakWip).toBe(3) // at 6 h: A, B and C
    expect(develop.waitBefore.p50).toBeCloseTo(1 * H, 6)
    expect(develop.waitBefore.mean).toBeCloseTo(1.75 * H, 6)
    expect(develop.littleLawDeviation).toBeCloseTo(0, 12)
    expect(develop.throughputPerDay).toBeCloseTo(4 / (22 / 24), 12)
    expect(develop.avgQueue).toBeCloseTo((2 + 5) / 22, 12) // A waited in backlog 0–2, C 1–6
    expect(develop.queueNow).toBe(0)
  })

  it('review: waits include the explicit queue; the return after rework waits from the rework', () => {
    const review = stage(report, 'review')
    expect(review.arrivals).toBe(3)
    expect(review.departures).toBe(3)
    expect(review.timeInStage.p50).toBeCloseTo(1 * H, 6)
    expect(review.timeInStage.mean).toBeCloseTo((4 / 3) * H, 6)
    expect(review.waitBefore.p50).toBeCloseTo(4 * H, 6)
    expect(review.waitBefore.mean).toBeCloseTo((10 / 3) * H, 6)
    expect(review.avgWip).toBeCloseTo(4 / 22, 12)
    expect(review.avgQueue).toBeCloseTo(20 / 22, 12)
    expect(review.queueNow).toBe(1)
    // Least-squares slope of the queue step function: (70/22) / (22²/12) items per hour.
    expect(review.queueGrowthPerDay).toBeCloseTo((70 / 22 / ((22 * 22) / 12)) * 24, 9)
  })

  it('review-queue: C is still waiting (WIP now 1); Little deviates because C stays open', () => {
    const queue = stage(report, 'review-queue')
    expect(queue.arrivals).toBe(4)
    expect(queue.departures).toBe(3)
    expect(queue.wipNow).toBe(1)
    expect(queue.avgWip).toBeCloseTo(20 / 22, 12)
    expect(queue.littleLawDeviation).toBeCloseTo(0.5, 12)
  })

  it('deploy: the implicit gap after CI counts as wait (1 h each)', () => {
    const deploy = stage(report, 'deploy')
    expect(deploy.waitBefore).toEqual({ count: 2, p50: H, p85: H, p95: H, mean: H })
    expect(stage(report, 'ci').waitBefore.mean).toBe(0)
  })

  it('backlog is a wait stage with its own time in stage', () => {
    const backlog = stage(report, 'backlog')
    expect(backlog.timeInStage.p50).toBeCloseTo(3.5 * H, 6)
    expect(backlog.avgWip).toBeCloseTo(7 / 22, 12)
  })

  it('the done stage is not reported as a queue', () => {
    expect(report.stages.map((entry) => entry.name)).not.toContain('done')
  })

  it('aging WIP lists C in review-queue for 10 h', () => {
    expect(report.agingWip).toEqual({
      count: 1,
      oldest: [{ itemId: 'C', stage: 'review-queue', ageSeconds: 10 * H }],
    })
  })

  it('DORA from the two production deployments', () => {
    expect(report.dora).toBeDefined()
    const dora = report.dora!
    expect(dora.deployments).toBe(2)
    expect(dora.deploymentFrequencyPerDay).toBeCloseTo(2 / (22 / 24), 12)
    expect(dora.leadTimeForChanges.p50).toBeCloseTo(17.5 * H, 6)
    expect(dora.changeFailureRate).toBe(0)
    expect(dora.failedDeploymentRecoveryTime.count).toBe(0)
    expect(dora.bands).toEqual({
      deploymentFrequency: 'elite',
      leadTimeForChanges: 'elite',
      changeFailureRate: 'elite',
      failedDeploymentRecoveryTime: 'elite',
    })
  })

  it('warns about the review-queue Little deviation only when there are enough departures', () => {
    expect(report.warnings).toEqual([])
  })
})

describe('a window clips stays and counts only what happened inside it', () => {
  const report = analyze(story, { from: 10, to: 20 })

  it('counts arrivals and departures inside the window only', () => {
    const develop = stage(report, 'develop')
    expect(develop.arrivals).toBe(1) // B's rework at 13
    expect(develop.rework).toBe(1) // ... which is B's second stay in develop
    expect(stage(report, 'review').rework).toBe(1) // B's second review at 17
    expect(stage(report, 'ci').rework).toBe(0)
    expect(develop.departures).toBe(3) // A at 10, C at 12, B at 15
    expect(develop.avgWip).toBeCloseTo((2 + 2) / 10, 12) // C 10–12, B 13–15
  })

  it('items done in the window: only A (B is done at 22)', () => {
    expect(report.items.completed).toBe(1)
    expect(report.leadTime!.p50).toBeCloseTo(19 * H, 6)
  })

  it('WIP now is taken at the window end', () => {
    expect(stage(report, 'ci').wipNow).toBe(0) // B in CI 18–20 left at the window end
    expect(stage(analyze(story, { from: 10, to: 19 }), 'ci').wipNow).toBe(1)
  })
})

describe("Little's law deviation", () => {
  it('is reported as a warning when WIP piles up over the window', () => {
    const events = Array.from({ length: 30 }, (_, i) => [
      ...stay(`ok-${i}`, 'review', i, i + 1),
      ...stay(`stuck-${i}`, 'review', i),
    ]).flat()
    const report = analyze(events)
    const review = stage(report, 'review')
    // avg WIP = (30 h of closed stays + Σ (30 − i) h of open ones) / 30 h = (30 + 465) / 30; λ·W = 30/30 × 1.
    expect(review.avgWip).toBeCloseTo(495 / 30, 12)
    expect(review.littleLawDeviation).toBeCloseTo(1 - 30 / 495, 12)
    expect(report.warnings).toEqual([
      "Little's law is off by 94% in review: its WIP is not steady over the window (a trend or a change), or events are missing.",
    ])
  })
})
