// A worker thread's entry: runs the replications it is given and sends back their measures.
import { parentPort, workerData } from 'node:worker_threads'
import { type ReplicationOptions, runReplication, type SimScenario } from '@herbie/core'

const { scenario, options, indices } = workerData as {
  scenario: SimScenario
  options: ReplicationOptions
  indices: number[]
}
parentPort?.postMessage(indices.map((r) => runReplication(scenario, options, r)))
