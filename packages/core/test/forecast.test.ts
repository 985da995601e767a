import { Effect, Exit } from 'effect'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { dailyThroughput, forecastDays, forecastItems, forecastNdjson, seededRandom } from '../src/index.js'

const DAY = 86_400_000

/** P(S = k) for the sum of `days` draws, each uniform over `values`. */
const sumDistribution = (values: ReadonlyArray<number>, days: number): number[] => {
  let dist = [1]
  for (let d = 0; d < days; d++) {
    const next = new Array<number>(dist.length + Math.max(...values)).fill(0)
    dist.forEach((p, k) => {
      for (const v of values) next[k + v]! += p / values.length
    })
    dist = next
  }
  return dist
}
const atLeast = (dist: number[], x: number) => dist.slice(x).reduce((a, b) => a + b, 0)

/** The exact answers Monte Carlo should approach. */
const exactItems = (values: number[], days: number, likelihood: number) => {
  const dist = sumDistribution(values, days)
  let best = 0
  for (let x = 0; x < dist.length; x++) if (atLeast(dist, x) >= likelihood) best = x
  return best
}
const exactDays = (values: number[], items: number, likelihood: number) => {
  for (let d = 1; ; d++) if (atLeast(sumDistribution(values, d), items) >= likelihood) return d
}

describe('Monte Carlo forecasts on a history with a known distribution', () => {
  // Days with 0, 1 and 2 items done, equally often.
  const history = Array.from({ length: 90 }, (_, i) => i % 3)
  const options = () => ({ trials: 20_000, random: seededRandom(42) })

  it('how many in 20 days: within one item of the exact quantiles at 50, 85 and 95%', () => {
    const forecast = forecastItems(history, 20, options())
    expect(Math.abs(forecast.p50 - exactItems([0, 1, 2], 20, 0.5))).toBeLessThanOrEqual(1)
    expect(Math.abs(forecast.p85 - exactItems([0, 1, 2], 20, 0.85))).toBeLessThanOrEqual(1)
    expect(Math.abs(forecast.p95 - exactItems([0, 1, 2], 20, 0.95))).toBeLessThanOrEqual(1)
    // Mean 20, sd √(20·2/3) ≈ 3.65: the normal approximation puts the 15th and 5th percentiles near 16.2 and 14.0.
    expect([
      exactItems([0, 1, 2], 20, 0.5),
      exactItems([0, 1, 2], 20, 0.85),
      exactItems([0, 1, 2], 20, 0.95),
    ]).toEqual([20, 16, 14])
  })

  it('when will 30 be done: within one day of the exact quantiles', () => {
    const forecast = forecastDays(history, 30, options())
    expect(Math.abs(forecast.p50 - exactDays([0, 1, 2], 30, 0.5))).toBeLessThanOrEqual(1)
    expect(Math.abs(forecast.p85 - exactDays([0, 1, 2], 30, 0.85))).toBeLessThanOrEqual(1)
    expect(Math.abs(forecast.p95 - exactDays([0, 1, 2], 30, 0.95))).toBeLessThanOrEqual(1)
  })

  it('a constant history gives one answer at every likelihood', () => {
    expect(forecastDays([2, 2, 2], 9, options())).toEqual({ p50: 5, p85: 5, p95: 5 })
    expect(forecastItems([2, 2, 2], 7, options())).toEqual({ p50: 14, p85: 14, p95: 14 })
  })

  it('a history with nothing done never finishes', () => {
    expect(forecastDays([0, 0], 1, { trials: 10, random: seededRandom(1), maxDays: 30 }).p50).toBe(
      Number.POSITIVE_INFINITY,
    )
  })
})

describe('forecast properties', () => {
  const histories = fc.array(fc.nat(6), { minLength: 1, maxLength: 60 }).filter((h) => h.some((v) => v > 0))

  it('more likelihood never promises more: days grow and items shrink from 50 to 95%', () => {
    fc.assert(
      fc.property(
        histories,
        fc.integer({ min: 1, max: 80 }),
        fc.integer({ min: 1, max: 60 }),
        (history, n, days) => {
          const when = forecastDays(history, n, { trials: 500, random: seededRandom(n) })
          const much = forecastItems(history, days, { trials: 500, random: seededRandom(days) })
          expect(when.p50).toBeLessThanOrEqual(when.p85)
          expect(when.p85).toBeLessThanOrEqual(when.p95)
          expect(much.p50).toBeGreaterThanOrEqual(much.p85)
          expect(much.p85).toBeGreaterThanOrEqual(much.p95)
        },
      ),
      { numRuns: 60 },
    )
  })

  it('the same seed gives the same forecast', () => {
    fc.assert(
      fc.property(histories, fc.integer(), (history, seed) => {
        const a = forecastDays(history, 10, { trials: 200, random: seededRandom(seed) })
        const b = forecastDays(history, 10, { trials: 200, random: seededRandom(seed) })
        expect(a).toEqual(b)
      }),
      { numRuns: 30 },
    )
  })
})

describe('dailyThroughput', () => {
  it('counts completions per UTC day, empty days included, outside ones left out', () => {
    const at = (iso: string) => Date.parse(iso)
    const history = dailyThroughput(
      [
        at('2026-03-02T10:00:00Z'),
        at('2026-03-02T23:59:59Z'),
        at('2026-03-04T00:00:00Z'),
        at('2026-03-09T00:00:00Z'),
      ],
      { from: at('2026-03-02T00:00:00Z'), to: at('2026-03-05T23:59:59Z') },
    )
    expect(history).toEqual({ from: '2026-03-02', to: '2026-03-05', counts: [2, 0, 1, 0], completed: 3 })
  })
})

describe('forecastNdjson', () => {
  /** Two items done each day for ten days (2026-03-01 to 03-10). */
  const lines = Array.from({ length: 20 }, (_, i) => {
    const day = Math.floor(i / 2)
    const at = (h: number) =>
      new Date(Date.parse('2026-03-01T00:00:00Z') + day * DAY + h * 3_600_000).toISOString()
    return [
      { id: `${i}a`, itemId: `I${i}`, stage: 'develop', type: 'enter', at: at(1), source: 't' },
      { id: `${i}b`, itemId: `I${i}`, stage: 'done', type: 'enter', at: at(9 + (i % 2)), source: 't' },
    ]
  })
    .flat()
    .map((event) => `${JSON.stringify(event)}\n`)

  it('answers when and how many, naming the history window', async () => {
    const forecast = await Effect.runPromise(
      forecastNdjson(lines, { items: 9, by: Date.parse('2026-03-15T12:00:00Z'), trials: 1000 }),
    )
    expect(forecast.history).toEqual({
      from: '2026-03-01',
      to: '2026-03-10',
      completed: 20,
      days: 10,
      perDay: 2,
    })
    expect(forecast.start).toBe('2026-03-11')
    expect(forecast.when).toEqual({
      items: 9,
      days: { p50: 5, p85: 5, p95: 5 },
      dates: { p50: '2026-03-15', p85: '2026-03-15', p95: '2026-03-15' },
    })
    expect(forecast.howMany).toEqual({ by: '2026-03-15', days: 5, items: { p50: 10, p85: 10, p95: 10 } })
  })

  it('uses only the last --history days', async () => {
    const forecast = await Effect.runPromise(forecastNdjson(lines, { items: 1, historyDays: 3, trials: 10 }))
    expect(forecast.history).toMatchObject({ from: '2026-03-08', to: '2026-03-10', days: 3, completed: 6 })
  })

  it('refuses at once a date beyond ten years or more trials than the limit, naming the limit', async () => {
    const far = await Effect.runPromiseExit(forecastNdjson(lines, { by: Date.parse('9999-12-31T00:00:00Z') }))
    expect(Exit.isFailure(far) && far.cause._tag === 'Fail' && far.cause.error).toMatchObject({
      _tag: 'ForecastImpossible',
      reason:
        "9999-12-31 is 2,912,374 days after the history's last day, 2026-03-10; a forecast looks at most 3650 days (10 years) ahead",
    })
    const many = await Effect.runPromiseExit(forecastNdjson(lines, { items: 5, trials: 100_001 }))
    expect(Exit.isFailure(many) && many.cause._tag === 'Fail' && many.cause.error).toMatchObject({
      _tag: 'ForecastImpossible',
      reason: '--trials 100001 is out of range: 1 to 100,000',
    })
    const edge = await Effect.runPromise(
      forecastNdjson(lines, { by: Date.parse('2036-03-07T00:00:00Z'), trials: 10 }),
    )
    expect(edge.howMany).toMatchObject({ by: '2036-03-07', days: 3650 })
  })

  it('fails clearly when nothing was done or the date is not ahead', async () => {
    const undone = lines.filter((line) => !line.includes('"done"'))
    const nothing = await Effect.runPromiseExit(forecastNdjson(undone, { items: 3 }))
    expect(Exit.isFailure(nothing) && String(nothing.cause)).toContain(
      'no item was done from 2026-03-01 to 2026-03-10',
    )
    const past = await Effect.runPromiseExit(
      forecastNdjson(lines, { by: Date.parse('2026-03-10T00:00:00Z') }),
    )
    expect(Exit.isFailure(past) && String(past.cause)).toContain(
      "2026-03-10 is not after the history's last day",
    )
  })
})
