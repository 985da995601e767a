// A worker thread's entry: runs the replications it is given, sending back each one's measures
// as soon as it is done (so that the main thread can show progress).
import { parentPort, workerData } from 'node:worker_threads'
import { type ReplicationOptions, runReplication, type SimScenario } from '@herbie/core'

const { scenario, options, indices } = workerData as {
  scenario: SimScenario
  options: ReplicationOptions
  indices: number[]
}
for (const r of indices) parentPort?.postMessage(runReplication(scenario, options, r))
