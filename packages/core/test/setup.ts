import fc from 'fast-check'
import { beforeEach } from 'vitest'

// Properties run on a fixed seed so CI is reproducible; set FC_SEED to explore other samples.
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261125) })

// Let the worker read vitest's messages between tests: the what-if tests run simulations that hold
// the event loop for a minute or more in one file, and vitest's RPC gives up after 60 s without an
// answer ("Timeout calling onTaskUpdate").
beforeEach(() => new Promise<void>((resolve) => setImmediate(resolve)))
