import { analyzeNdjson, type FlowReport, type SimScenario, simulate } from '@herbie/core'
import { Effect } from 'effect'

/**
 * A small team: six developers, two reviewers, CI without a runner limit. Reviews take 2.8 hours,
 * so review can finish about 17 a day while 16 arrive.
 */
export const team: SimScenario = {
  seed: 11,
  start: '2026-04-01T00:00:00Z',
  days: 45,
  arrivals: { kind: 'poisson', perDay: 16 },
  stages: [
    { name: 'develop', servers: 6, service: { kind: 'lognormal', mean: 6, cv: 0.7 } },
    { name: 'review', servers: 2, service: { kind: 'exponential', mean: 2.8 }, queue: 'review-queue' },
    { name: 'ci', servers: Number.POSITIVE_INFINITY, service: { kind: 'lognormal', mean: 0.8, cv: 0.3 } },
  ],
}

/** Writes the simulated events as NDJSON lines and analyses them the way a file would be. */
export const analyzeTeam = (scenario: SimScenario = team): Promise<FlowReport> => {
  const lines = simulate(scenario).events.map((event) => `${JSON.stringify(event)}\n`)
  return Effect.runPromise(analyzeNdjson(lines, { sourceName: 'simulated team' }))
}
