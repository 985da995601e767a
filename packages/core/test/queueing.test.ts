import { describe, expect, it } from 'vitest'
import { type Distribution, runSimulation, type SimScenario, sample, seededRandom } from '../src/index.js'

/** Erlang C: the chance an arrival waits in an M/M/c queue, and its mean wait (hours). */
const erlangC = (lambda: number, mu: number, c: number) => {
  const a = lambda / mu
  const rho = a / c
  let factorial = 1
  let sum = 0
  for (let k = 0; k < c; k++) {
    if (k > 0) factorial *= k
    sum += a ** k / factorial
  }
  const top = a ** c / (factorial * c) / (1 - rho)
  const wait = top / (sum + top)
  return { wait, meanWait: wait / (c * mu - lambda) }
}

/**
 * Runs one single-stage scenario and measures, after a warm-up, the mean wait in the queue, the
 * arrival rate, and the time-averaged queue length.
 */
const measure = (scenario: SimScenario, warmupHours: number) => {
  const readyAt = new Map<number, number>()
  let waits = 0
  let count = 0
  let queue = 0
  let area = 0
  let last = warmupHours
  const advance = (t: number) => {
    if (t > warmupHours) area += queue * (t - Math.max(last, warmupHours))
    last = Math.max(last, t)
  }
  runSimulation(scenario, {
    ready: (item, _stage, t) => {
      advance(t)
      queue++
      readyAt.set(item, t)
    },
    start: (item, _stage, t) => {
      advance(t)
      queue--
      const ready = readyAt.get(item)!
      readyAt.delete(item)
      if (ready >= warmupHours) {
        waits += t - ready
        count++
      }
    },
  })
  advance(scenario.days * 24)
  const span = scenario.days * 24 - warmupHours
  return { meanWait: waits / count, arrivalsPerHour: count / span, meanQueue: area / span }
}

const single = (perDay: number, servers: number, days: number, seed: number): SimScenario => ({
  seed,
  start: '2026-01-01T00:00:00Z',
  days,
  arrivals: { kind: 'poisson', perDay },
  stages: [{ name: 'review', servers, service: { kind: 'exponential', mean: 1 }, queue: 'review-queue' }],
})

describe('the simulator against queueing theory', () => {
  it('M/M/1 at 50% load: mean wait 1 hour, within 5%', () => {
    const { meanWait } = measure(single(12, 1, 20_000, 1), 24 * 100)
    expect(Math.abs(meanWait - 1) / 1).toBeLessThan(0.05)
  })

  it('M/M/1 at 75% load: mean wait 3 hours, within 5%', () => {
    const { meanWait } = measure(single(18, 1, 30_000, 2), 24 * 100)
    expect(Math.abs(meanWait - 3) / 3).toBeLessThan(0.05)
  })

  it('M/M/3 at 80% load: the Erlang C mean wait, within 5%', () => {
    const theory = erlangC(2.4, 1, 3).meanWait
    expect(theory).toBeCloseTo(1.0787, 3)
    const { meanWait } = measure(single(2.4 * 24, 3, 20_000, 3), 24 * 100)
    expect(Math.abs(meanWait - theory) / theory).toBeLessThan(0.05)
  })

  it("Little's law on its own output: queue length = arrival rate × mean wait, within 1%", () => {
    const { meanWait, arrivalsPerHour, meanQueue } = measure(single(2.4 * 24, 3, 5_000, 4), 24 * 50)
    expect(Math.abs(meanQueue - arrivalsPerHour * meanWait) / meanQueue).toBeLessThan(0.01)
  })
})

describe('empirical distributions', () => {
  it('resample the observed values: only those values, with their mean', () => {
    const observed: Distribution = { kind: 'empirical', samples: [0.5, 1, 4] }
    const random = seededRandom(9)
    const drawn = Array.from({ length: 30_000 }, () => sample(observed, random))
    expect(new Set(drawn)).toEqual(new Set([0.5, 1, 4]))
    const mean = drawn.reduce((a, b) => a + b, 0) / drawn.length
    expect(Math.abs(mean - 5.5 / 3)).toBeLessThan(0.03)
  })

  it('a queue served from exponential samples behaves as M/M/1', () => {
    const random = seededRandom(5)
    const samples = Array.from({ length: 50_000 }, () => -Math.log(1 - random()))
    const scenario = single(12, 1, 20_000, 6)
    const resampled: SimScenario = {
      ...scenario,
      stages: [{ ...scenario.stages[0]!, service: { kind: 'empirical', samples } }],
    }
    const { meanWait } = measure(resampled, 24 * 100)
    expect(Math.abs(meanWait - 1)).toBeLessThan(0.06)
  })
})
