import { analyzeNdjson, type SimScenario, simulate } from '@herbie/core'
import { createFlowRecorder } from '@herbie/otel'
import type { Meter } from '@opentelemetry/api'
import { Effect } from 'effect'

/** A team whose two reviewers cannot keep up: review is the constraint. */
export const team: SimScenario = {
  seed: 7,
  start: '2026-04-01T00:00:00Z',
  days: 30,
  arrivals: { kind: 'poisson', perDay: 16 },
  stages: [
    { name: 'develop', servers: 6, service: { kind: 'lognormal', mean: 6, cv: 0.7 } },
    { name: 'review', servers: 2, service: { kind: 'exponential', mean: 3.2 }, queue: 'review-queue' },
    { name: 'ci', servers: Number.POSITIVE_INFINITY, service: { kind: 'lognormal', mean: 0.8, cv: 0.3 } },
  ],
}

/**
 * Records the team's flow metrics on a meter: every event as it would arrive from a webhook, then
 * the analysis (the constraint, flow efficiency). Returns what was recorded.
 */
export const recordTeam = async (meter: Meter, scenario: SimScenario = team) => {
  const events = simulate(scenario).events
  const recorder = createFlowRecorder({
    meter,
    now: () => Date.parse(scenario.start) + scenario.days * 86_400_000,
  })
  let recorded = 0
  for (const event of events) if (recorder.record(event)) recorded++
  const report = await Effect.runPromise(analyzeNdjson(events.map((event) => `${JSON.stringify(event)}\n`)))
  recorder.recordSnapshot({ report })
  return { recorded, report }
}
