import { Worker } from 'node:worker_threads'
import {
  type ReplicationOptions,
  type RunMeasures,
  replicate,
  type ScenarioOutcome,
  type SimScenario,
  summarizeReplications,
} from '@herbie/core'

const runIn = (scenario: SimScenario, options: ReplicationOptions, indices: number[], runDone: () => void) =>
  new Promise<RunMeasures[]>((resolve, reject) => {
    const worker = new Worker(new URL('./replicationWorker.js', import.meta.url), {
      workerData: { scenario, options, indices },
    })
    const runs: RunMeasures[] = []
    worker.on('message', (run: RunMeasures) => {
      runs.push(run)
      runDone()
      if (runs.length < indices.length) return
      resolve(runs)
      void worker.terminate()
    })
    worker.once('error', reject)
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`a simulation worker stopped with code ${code}`))
    })
  })

/**
 * Runs a scenario's replications on `workers` worker threads (replication `r` on worker
 * `r mod workers`) and summarises them in replication order. Each replication has its own seed,
 * so the results are the same for any number of workers. With one worker it runs in this thread.
 * `runDone` is called as each replication finishes.
 *
 * @since 0.1.0
 * @category simulate
 */
export const parallelReplicate =
  (workers: number, runDone: () => void = () => {}) =>
  async (scenario: SimScenario, options: ReplicationOptions): Promise<ScenarioOutcome> => {
    if (workers <= 1) return replicate(scenario, options, runDone)
    const shares = Array.from({ length: Math.min(workers, options.replications) }, (_, w) =>
      Array.from({ length: options.replications }, (_, r) => r).filter((r) => r % workers === w),
    )
    const results = await Promise.all(shares.map((indices) => runIn(scenario, options, indices, runDone)))
    const runs: RunMeasures[] = new Array(options.replications)
    shares.forEach((indices, w) => {
      for (const [i, r] of indices.entries()) runs[r] = results[w]![i]!
    })
    return summarizeReplications(scenario, options, runs)
  }
