import { type SimScenario, simulate } from '../../src/index.js'

/** Develop (6 at once, 6 h), review (2 at once, 2.8 h: 17 a day at most), CI without limit. */
export const team = (perDay: number, seed = 11): SimScenario => ({
  seed,
  start: '2026-04-01T00:00:00Z',
  days: 120,
  arrivals: { kind: 'poisson', perDay },
  stages: [
    { name: 'develop', servers: 6, service: { kind: 'lognormal', mean: 6, cv: 0.6 } },
    { name: 'review', servers: 2, service: { kind: 'exponential', mean: 2.8 }, queue: 'review-queue' },
    { name: 'ci', servers: Number.POSITIVE_INFINITY, service: { kind: 'lognormal', mean: 0.8, cv: 0.3 } },
  ],
})

/** A simulated stream's events as NDJSON lines. */
export const lines = (scenario: SimScenario): ReadonlyArray<string> =>
  simulate(scenario).events.map((event) => `${JSON.stringify(event)}\n`)
