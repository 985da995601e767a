/**
 * Generates the bundled demo sample with the core simulator (run once; the output is committed):
 * 40 developers who always have a next item, five reviewers, CI without a runner limit and one
 * deploy slot. Halfway through, coding gets 40% faster; review capacity stays the same.
 */
import { writeFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { type SimScenario, simulate } from '@herbie/core'
import type { DemoManifest } from '../src/commands/demo.js'

const DAY_MS = 86_400_000
const scenario: SimScenario = {
  seed: 20260105,
  start: '2026-01-05T00:00:00Z',
  days: 60,
  arrivals: { kind: 'saturated' },
  itemPrefix: 'demo',
  source: 'demo',
  stages: [
    { name: 'develop', servers: 40, service: { kind: 'lognormal', mean: 24, cv: 0.6 } },
    { name: 'review', servers: 5, service: { kind: 'exponential', mean: 2.86 }, queue: 'review-queue' },
    { name: 'ci', servers: Number.POSITIVE_INFINITY, service: { kind: 'lognormal', mean: 0.75, cv: 0.3 } },
    {
      name: 'deploy',
      servers: 1,
      service: { kind: 'exponential', mean: 0.25 },
      queue: 'deploy-queue',
      environment: 'production',
      failureRate: 0.06,
    },
  ],
  speedups: [{ stage: 'develop', fromDay: 30, factor: 1.4 }],
}

const result = simulate(scenario)
const ndjson = `${result.events.map((event) => JSON.stringify(event)).join('\n')}\n`
const dataDir = new URL('../data/', import.meta.url)
writeFileSync(new URL('demo.ndjson.gz', dataDir), gzipSync(ndjson, { level: 9 }))
const manifest: DemoManifest = {
  events: 'demo.ndjson.gz',
  change: new Date(Date.parse(scenario.start) + 30 * DAY_MS).toISOString(),
  changedStage: 'develop',
  factor: 1.4,
  story: 'AI assistants make coding 40% faster halfway through; review capacity stays the same.',
}
writeFileSync(new URL('demo.json', dataDir), `${JSON.stringify(manifest, null, 2)}\n`)
console.log(`${result.items} items, ${result.events.length} events; loads ${JSON.stringify(result.loads)}`)
