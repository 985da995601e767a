import { fileURLToPath } from 'node:url'
import { beforeEach, describe, expect, it } from 'vitest'
import { herbie } from './support/run.js'

const stage = (report: { stages: Array<{ name: string; throughputPerDay: number }> }, name: string) =>
  report.stages.find((entry) => entry.name === name)!

// Each test runs the CLI synchronously for seconds: let vitest's worker answer its RPC between
// them, or it gives up after 60 s ("Timeout calling onTaskUpdate").
beforeEach(() => new Promise<void>((resolve) => setImmediate(resolve)))

describe('herbie demo', () => {
  it('tells the story: coding 40% faster, review is the constraint, lead time gets worse', () => {
    const { code, stdout } = herbie('demo', '--json')
    expect(code).toBe(0)
    const { whole, before, after } = JSON.parse(stdout)
    expect(whole.items.total).toBeGreaterThan(2000)
    expect(whole.items.total).toBeLessThan(5000)
    expect(whole.constraint.stage).toBe('review')
    expect(whole.constraint.confidence).toBeGreaterThan(0.5)
    const coding = stage(after, 'develop').throughputPerDay / stage(before, 'develop').throughputPerDay
    expect(coding).toBeGreaterThan(1.3)
    expect(coding).toBeLessThan(1.5)
    expect(after.throughputPerDay / before.throughputPerDay).toBeLessThan(1.1)
    expect(after.leadTime.p50).toBeGreaterThan(2 * before.leadTime.p50)
    expect(whole.dora.deployments).toBeGreaterThan(0)
  })

  it('the constraint timeline: develop until coding got faster, review since, the change found on that day', () => {
    const { whole, change } = JSON.parse(herbie('demo', '--json').stdout)
    const timeline = whole.constraintTimeline
    expect(timeline.map((period: { stage: string }) => period.stage)).toEqual(['develop', 'review'])
    expect(timeline[0].from).toBe(whole.window.from)
    expect(timeline[0].to).toBe(timeline[1].from)
    expect(timeline[1].to).toBe(whole.window.to)
    expect(timeline[0].change).toBeNull()
    expect(timeline[1].change).toEqual({ at: change, earliest: change, latest: change })
    expect(timeline[1].confidence).toBeGreaterThan(timeline[0].confidence)
  })

  it('a half with one constraint prints one timeline line', () => {
    const events = fileURLToPath(new URL('../data/demo.ndjson.gz', import.meta.url))
    const { code, stdout } = herbie('analyze', '--events', events, '--from', '2026-02-04T00:00:00Z')
    expect(code).toBe(0)
    expect(stdout).toContain('The constraint did not move over the window: review throughout.')
    expect(stdout).not.toContain('The constraint moved')
  })

  it('prints the report with the before/after comparison', () => {
    const { code, stdout } = herbie('demo')
    expect(code).toBe(0)
    expect(stdout).toContain('The constraint is review')
    expect(stdout).toContain('The constraint moved: develop until 2026-02-04, review since 2026-02-04.')
    expect(stdout).toMatch(/^ {2}2026-01-05 → 2026-02-04 {2}develop \(confidence \d+%\)$/m)
    expect(stdout).toMatch(/^ {2}2026-02-04 → 2026-03-05 {2}review \(confidence \d+%\)$/m)
    expect(stdout).toContain('Before and after develop got 40% faster')
    expect(stdout).toMatch(/^develop output \(items\/day\) +\d+\.\d +\d+\.\d +\+\d+%$/m)
    expect(stdout).toMatch(/^lead time p50 .*\+\d+%$/m)
    expect(stdout).toContain('the extra work waits in front of review.')
    expect(stdout).toContain(
      'What if, before the change: develop 40% faster ("speedup develop=1.4") or one more in review',
    )
    expect(stdout).toMatch(/^speedup develop=1\.4 +\d+\.\d \(/m)
    expect(stdout).toMatch(/^capacity review=\+1 +\d+\.\d \(/m)
  })

  it('what-if on the first half, in numbers: coding 40% faster barely adds throughput and makes review the constraint', () => {
    const { whatIf, before } = JSON.parse(herbie('demo', '--json').stdout)
    expect(whatIf.fit.warnings).toEqual([])
    expect(
      Math.abs(whatIf.baseline.throughputPerDay.mean - before.throughputPerDay) / before.throughputPerDay,
    ).toBeLessThan(0.05)
    const [faster, reviewer] = whatIf.scenarios
    expect(faster.name).toBe('speedup develop=1.4')
    expect(faster.throughputPerDay.mean / whatIf.baseline.throughputPerDay.mean).toBeLessThan(1.1)
    expect(faster.constraint).toBe('review')
    const waitForReview = (outcome: { stages: Array<{ name: string; waitBefore: { mean: number } }> }) =>
      outcome.stages.find((s) => s.name === 'review')!.waitBefore.mean
    expect(waitForReview(faster)).toBeGreaterThan(2 * waitForReview(whatIf.baseline))
    expect(reviewer.name).toBe('capacity review=+1')
    expect(waitForReview(reviewer)).toBeLessThan(waitForReview(whatIf.baseline) / 2)
  })

  it('the story scenario: fitted on the first half only, speedup develop=1.4 predicts what the second half shows', () => {
    const { whatIf, before, after } = JSON.parse(herbie('demo', '--json').stdout)
    // Developers always have a next item: the fit pulls from an unlimited backlog.
    expect(whatIf.fit.model.saturated).toBe(true)
    expect(whatIf.fit.warnings).toEqual([])
    const { baseline } = whatIf
    const [faster] = whatIf.scenarios
    expect([baseline.stable, baseline.overload, baseline.limitedBy]).toEqual([true, null, 'develop'])
    const output = (outcome: { stages: Array<{ name: string; throughputPerDay: { mean: number } }> }) =>
      outcome.stages.find((entry) => entry.name === 'develop')!.throughputPerDay.mean
    // Develop output +40%, as observed (within 2 points).
    const predictedOutput = output(faster) / output(baseline)
    const observedOutput =
      stage(after, 'develop').throughputPerDay / stage(before, 'develop').throughputPerDay
    expect(Math.abs(predictedOutput - 1.4)).toBeLessThan(0.02)
    expect(Math.abs(predictedOutput - observedOutput)).toBeLessThan(0.02)
    // Delivery about +4%: within 2 points of the observed change.
    const predictedDelivery = faster.throughputPerDay.mean / baseline.throughputPerDay.mean
    const observedDelivery = after.throughputPerDay / before.throughputPerDay
    expect(observedDelivery).toBeGreaterThan(1.02)
    expect(observedDelivery).toBeLessThan(1.06)
    expect(Math.abs(predictedDelivery - observedDelivery)).toBeLessThan(0.02)
    // Review overloaded and unstable, its queue growing at the observed rate within 15%.
    expect(faster.stable).toBe(false)
    expect(faster.overload.stage).toBe('review')
    const observedGrowth = after.stages.find(
      (entry: { name: string }) => entry.name === 'review',
    ).queueGrowthPerDay
    expect(Math.abs(faster.overload.queueGrowthPerDay - observedGrowth) / observedGrowth).toBeLessThan(0.15)
  })

  it('the what-if section shows the first half model, the prediction and the observed second half side by side', () => {
    const { stdout } = herbie('demo')
    expect(stdout).toMatch(/^ +first half, model +speedup develop=1\.4, predicted +second half, observed$/m)
    expect(stdout).toMatch(/^develop output \(items\/day\) +\d+\.\d +\d+\.\d +\d+\.\d$/m)
    expect(stdout).toMatch(/^review queue growth \(items\/day\) +\d+\.\d +1\d\.\d +1\d\.\d$/m)
    expect(stdout).toMatch(/^stability +stable +review overloaded +review overloaded$/m)
    expect(stdout).toMatch(
      /^Fitted on the first half only, the model predicts develop output \+4\d% \(observed \+4\d%\), delivery \+\d% \(observed \+\d%\), and review overloaded, its queue growing by 1\d\.\d a day \(observed 1\d\.\d\)\.$/m,
    )
    expect(stdout).toMatch(
      /^speedup develop=1\.4: unstable: review would get 5\d\.\d items a day and can finish 4\d\.\d; its queue grows by 1\d\.\d a day/m,
    )
  })
})
