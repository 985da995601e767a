import type { SimScenario, SimStage } from '../../src/index.js'

const develop: SimStage = { name: 'develop', servers: 4, service: { kind: 'lognormal', mean: 5, cv: 0.6 } }
const review = (queue: boolean, extra: Partial<SimStage> = {}): SimStage => ({
  name: 'review',
  servers: 2,
  service: { kind: 'exponential', mean: 2.6 },
  ...(queue ? { queue: 'review-queue' } : {}),
  ...extra,
})
const ci: SimStage = {
  name: 'ci',
  servers: Number.POSITIVE_INFINITY,
  service: { kind: 'lognormal', mean: 1.5, cv: 0.4 },
}
const deploy = (queue: boolean): SimStage => ({
  name: 'deploy',
  servers: 1,
  service: { kind: 'exponential', mean: 0.5 },
  ...(queue ? { queue: 'deploy-queue' } : {}),
})
const stream = (days: number, stages: ReadonlyArray<SimStage>, perDay = 14): SimScenario => ({
  seed: 3,
  start: '2026-04-01T00:00:00Z',
  days,
  arrivals: { kind: 'poisson', perDay },
  stages,
})

/**
 * Stream shapes the fit must reproduce, `days` long, 14 items a day into four developers (5 h)
 * and two reviewers (2.6 h, 76% busy): explicit queue stages; the same waits as implicit gaps; a
 * CI stage with unlimited runners; review sending a fifth of its items round again; and 21 a day
 * into six developers, more than review can finish.
 */
export const fitFamilies = (days: number): ReadonlyArray<readonly [string, SimScenario]> => [
  ['explicit queues', stream(days, [develop, review(true), deploy(true)])],
  ['implicit queues', stream(days, [develop, review(false), deploy(false)])],
  ['unlimited concurrency', stream(days, [develop, ci, review(true)])],
  [
    'rework loop',
    stream(days, [
      develop,
      review(true, { failureRate: 0.2, service: { kind: 'exponential', mean: 2.1 } }),
      deploy(true),
    ]),
  ],
  ['overloaded stage', stream(days, [{ ...develop, servers: 6 }, review(true), deploy(true)], 21)],
]
