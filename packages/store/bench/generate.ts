/**
 * The store benchmarks' input: the CLI benchmark's seeded simulator runs, `chunks` of them, in
 * `events-<chunks>.ndjson`, their events alternately from github and jira.
 */
import { ensureEvents as ensureBenchEvents } from '../../cli/bench/generate.js'

/** Generates `dir/events-<chunks>.ndjson` unless it exists with the same parameters. */
export const ensureEvents = (dir: string, chunks: number): Promise<{ path: string; events: number }> =>
  ensureBenchEvents(dir, {
    chunks,
    name: `events-${chunks}`,
    sourceOf: (chunk) => (chunk % 2 === 0 ? 'github' : 'jira'),
  })
