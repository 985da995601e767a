import { type SimScenario, type StageEventEncoded, simulate } from '@herbie/core'

/** How a simulated team differs from the default one: four developers, two reviewers, no CI. */
export interface TeamShape {
  readonly seed: number
  readonly days: number
  readonly perDay: number
  readonly developers?: number
  readonly developCv?: number
  readonly reviewHours?: number
  /** Add a CI stage with unlimited runners (48 min on average). */
  readonly ci?: boolean
}

/**
 * The events of a simulated team from 2026-04-01: develop (lognormal, 6 h on average), a review
 * queue, review by two people (exponential), and CI when asked for.
 */
export const teamEvents = (shape: TeamShape): ReadonlyArray<StageEventEncoded> => {
  const scenario: SimScenario = {
    seed: shape.seed,
    start: '2026-04-01T00:00:00Z',
    days: shape.days,
    arrivals: { kind: 'poisson', perDay: shape.perDay },
    stages: [
      {
        name: 'develop',
        servers: shape.developers ?? 4,
        service: { kind: 'lognormal', mean: 6, cv: shape.developCv ?? 0.5 },
      },
      {
        name: 'review',
        servers: 2,
        service: { kind: 'exponential', mean: shape.reviewHours ?? 2 },
        queue: 'review-queue',
      },
      ...(shape.ci === true
        ? [
            {
              name: 'ci',
              servers: Number.POSITIVE_INFINITY,
              service: { kind: 'lognormal' as const, mean: 0.8, cv: 0.3 },
            },
          ]
        : []),
    ],
  }
  return simulate(scenario).events
}

/** The same, one NDJSON line per event. */
export const teamLines = (shape: TeamShape): string[] =>
  teamEvents(shape).map((event) => JSON.stringify(event))
