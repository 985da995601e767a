/**
 * Writes the benchmark input once: by default about 1,000,000 stage events (≈140 MB of NDJSON)
 * from the core simulator, in seeded chunks (about 126,000 events each) so the events are never
 * all in memory. Reused while the parameters match. The store benchmarks use it too.
 */

import { once } from 'node:events'
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { type SimScenario, simulate } from '@herbie/core'

const CHUNKS = 8

/** How much to write and where: the chunks, the file's name, the source of each chunk's events. */
export interface BenchInput {
  readonly chunks?: number
  readonly name?: string
  readonly sourceOf?: (chunk: number) => string
}

const scenario = (chunk: number, sourceOf: (chunk: number) => string = () => 'bench'): SimScenario => ({
  seed: 1000 + chunk,
  start: '2025-01-01T00:00:00Z',
  days: 300,
  arrivals: { kind: 'poisson', perDay: 32 },
  itemPrefix: `bench${chunk}`,
  source: sourceOf(chunk),
  stages: [
    { name: 'develop', servers: 30, service: { kind: 'lognormal', mean: 16, cv: 0.7 } },
    { name: 'review', servers: 3, service: { kind: 'exponential', mean: 2 }, queue: 'review-queue' },
    { name: 'ci', servers: Number.POSITIVE_INFINITY, service: { kind: 'lognormal', mean: 0.75, cv: 0.3 } },
    {
      name: 'deploy',
      servers: 1,
      service: { kind: 'exponential', mean: 0.4 },
      queue: 'deploy-queue',
      environment: 'production',
      failureRate: 0.05,
    },
  ],
})

/** Generates `dir/NAME.ndjson` (`events` by default) unless it exists with the same parameters; returns its path. */
export const ensureEvents = async (
  dir: string,
  { chunks = CHUNKS, name = 'events', sourceOf }: BenchInput = {},
): Promise<{ path: string; events: number }> => {
  mkdirSync(dir, { recursive: true })
  const path = `${dir}/${name}.ndjson`
  const stamp = `${dir}/${name}.json`
  const key = JSON.stringify(Array.from({ length: chunks }, (_, chunk) => scenario(chunk, sourceOf)))
  if (existsSync(path) && existsSync(stamp)) {
    const previous = JSON.parse(readFileSync(stamp, 'utf8')) as { key: string; events: number }
    if (previous.key === key) return { path, events: previous.events }
  }
  const out = createWriteStream(path)
  let events = 0
  for (let chunk = 0; chunk < chunks; chunk++) {
    for (const event of simulate(scenario(chunk, sourceOf)).events) {
      events++
      if (!out.write(`${JSON.stringify(event)}\n`)) await once(out, 'drain')
    }
  }
  out.end()
  await once(out, 'finish')
  writeFileSync(stamp, JSON.stringify({ key, events }))
  return { path, events }
}
