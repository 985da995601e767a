/**
 * `pnpm bench` (second part): simulates one year of a ten-stage stream at 100 items a day, 200
 * replications: in the main thread, on one worker thread and on two. Prints the time, the
 * simulation events (an item becoming ready for, starting or finishing a stage, or done) per second and the CPU used per wall second, and checks that all three give
 * the same results. Then times a fit plus four scenarios on the demo file (the limit: 10 s).
 */
import { createReadStream, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { createGunzip } from 'node:zlib'
import {
  type ReplicationOptions,
  type RunMeasures,
  runReplication,
  type SimScenario,
  summarizeReplications,
  whatIfNdjson,
} from '@herbie/core'
import { Effect } from 'effect'
import { parallelReplicate } from '../dist/index.js'

const out = fileURLToPath(new URL('../bench-out', import.meta.url))
const scenario: SimScenario = {
  seed: 0,
  start: '2026-01-01T00:00:00Z',
  days: 365,
  arrivals: { kind: 'poisson', perDay: 100 },
  stages: Array.from({ length: 10 }, (_, k) => ({
    name: `stage-${k + 1}`,
    servers: 4 + (k % 4) * 2,
    service: { kind: 'lognormal' as const, mean: (0.7 * (4 + (k % 4) * 2) * 24) / 100, cv: 0.8 },
    ...(k % 2 === 1 ? { queue: `queue-${k + 1}` } : {}),
  })),
}
const options: ReplicationOptions = { replications: 200, horizonDays: 365, warmupDays: 30, seed: 1 }

const timed = async <A>(run: () => Promise<A> | A) => {
  const cpu = process.cpuUsage()
  const start = performance.now()
  const value = await run()
  const seconds = (performance.now() - start) / 1000
  const used = process.cpuUsage(cpu)
  return { value, seconds, cores: (used.user + used.system) / 1e6 / seconds }
}

const single = await timed(() => {
  const runs = Array.from({ length: options.replications }, (_, r) => runReplication(scenario, options, r))
  return { runs, summary: summarizeReplications(scenario, options, runs) }
})
const steps = single.value.runs.reduce((sum, run) => sum + run.steps, 0)
// One worker thread with every replication: the same code path as two, for a fair ratio.
const one = await timed(
  () =>
    new Promise<RunMeasures[]>((resolve, reject) => {
      const worker = new Worker(new URL('../dist/replicationWorker.js', import.meta.url), {
        workerData: { scenario, options, indices: Array.from({ length: options.replications }, (_, r) => r) },
      })
      const runs: RunMeasures[] = []
      worker.on('message', (run: RunMeasures) => {
        runs.push(run)
        if (runs.length < options.replications) return
        resolve(runs)
        void worker.terminate()
      })
      worker.once('error', reject)
    }),
)
const two = await timed(() => parallelReplicate(2)(scenario, options))
const same =
  JSON.stringify(two.value) === JSON.stringify(single.value.summary) &&
  JSON.stringify(summarizeReplications(scenario, options, one.value)) === JSON.stringify(single.value.summary)

console.log(
  `\nsimulation: 10 stages, 100 items/day, 365 days, ${options.replications} replications, ${steps} steps`,
)
console.log('run                  seconds  sim events/s  CPU/wall  x one worker')
for (const [name, run] of [
  ['main thread', single],
  ['1 worker thread', one],
  ['2 worker threads', two],
] as const) {
  console.log(
    `${name.padEnd(19)}  ${run.seconds.toFixed(2).padStart(7)}  ${(steps / run.seconds / 1e6).toFixed(2).padStart(7)} M/s  ${run.cores.toFixed(2).padStart(8)}  ${(run.seconds / one.seconds).toFixed(2).padStart(12)}`,
  )
}
console.log(`results identical for 1 and 2 workers: ${same ? 'yes' : 'NO'}`)
writeFileSync(
  `${out}/simulate.json`,
  `${JSON.stringify({ steps, main: { seconds: single.seconds, cores: single.cores }, one: { seconds: one.seconds, cores: one.cores }, two: { seconds: two.seconds, cores: two.cores }, same }, null, 2)}\n`,
)
if (!same) process.exitCode = 1

// A fit plus four scenarios on the demo file (its whole window), 20 replications, in the main
// thread (worker threads start once per scenario run: for runs this short they cost more than
// they save).
const demo = fileURLToPath(new URL('../data/demo.ndjson.gz', import.meta.url))
const demoScenarios = [
  'speedup develop=1.4',
  'capacity review=+1',
  'wip-limit review=8',
  'speedup review=1.2',
]
const fitted = await timed(() =>
  Effect.runPromise(whatIfNdjson(createReadStream(demo).pipe(createGunzip()), { scenarios: demoScenarios })),
)
console.log(
  `\nwhat-if on the demo file: a fit plus ${demoScenarios.length} scenarios, ${fitted.value.simulation.replications} replications, main thread: ${fitted.seconds.toFixed(2)} s (${fitted.cores.toFixed(2)} CPU/wall)`,
)
writeFileSync(
  `${out}/whatif-demo.json`,
  `${JSON.stringify({ scenarios: demoScenarios, seconds: fitted.seconds, cores: fitted.cores }, null, 2)}\n`,
)
if (fitted.seconds >= 10) process.exitCode = 1
