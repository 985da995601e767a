import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { simulate } from '@herbie/core'
import { describe, expect, it } from 'vitest'
import { files, herbie } from './support/run.js'

const QUERY = fileURLToPath(new URL('../bench/duckdb-query.mjs', import.meta.url))

describe('herbie analyze agrees with DuckDB', () => {
  it('time in stage and lead time percentiles equal quantile_cont over the same file', () => {
    const { events } = simulate({
      seed: 99,
      start: '2026-01-01T00:00:00Z',
      days: 20,
      arrivals: { kind: 'poisson', perDay: 15 },
      stages: [
        { name: 'develop', servers: 8, service: { kind: 'lognormal', mean: 8, cv: 0.6 } },
        { name: 'review', servers: 2, service: { kind: 'exponential', mean: 2 }, queue: 'review-queue' },
        { name: 'deploy', servers: 1, service: { kind: 'exponential', mean: 0.3 }, failureRate: 0.1 },
      ],
    })
    const input = files({ 'events.ndjson': events.map((event) => JSON.stringify(event)).join('\n') })
    const duck = JSON.parse(
      execFileSync(process.execPath, [QUERY, input['events.ndjson']!], { encoding: 'utf8' }),
    ) as {
      stages: Array<{ stage: string; q: number[] }>
      lead: Array<{ q: number[] }>
    }
    const report = JSON.parse(herbie('analyze', '--events', input['events.ndjson']!, '--json').stdout)
    expect(duck.stages.map((row) => row.stage).sort()).toEqual([
      'deploy',
      'develop',
      'review',
      'review-queue',
    ])
    for (const row of duck.stages) {
      const stage = report.stages.find((entry: { name: string }) => entry.name === row.stage)
      const ours = [stage.timeInStage.p50, stage.timeInStage.p85, stage.timeInStage.p95]
      for (const [i, value] of ours.entries()) expect(value).toBeCloseTo(row.q[i]!, 3)
    }
    const lead = [report.leadTime.p50, report.leadTime.p85, report.leadTime.p95]
    for (const [i, value] of lead.entries()) expect(value).toBeCloseTo(duck.lead[0]!.q[i]!, 3)
  })
})
