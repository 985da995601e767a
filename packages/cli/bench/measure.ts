import { spawn } from 'node:child_process'

/** One timed run of a command: wall seconds and the peak resident memory it reported (MiB). */
export interface Run {
  readonly seconds: number
  readonly maxRssMiB: number
}

const RSS = /HERBIE_BENCH_MAXRSS_KB=(\d+)/

/** Runs `node [--require preload] args`, stdout discarded, and measures it. */
export const measure = (preload: string, args: ReadonlyArray<string>): Promise<Run> =>
  new Promise((resolve, reject) => {
    const started = process.hrtime.bigint()
    const child = spawn(process.execPath, ['--require', preload, ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (chunk) => {
      stderr += chunk
    })
    child.on('error', reject)
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9
      if (code !== 0)
        return reject(new Error(`node ${args.join(' ')} exited with ${code}: ${stderr.slice(-2000)}`))
      const rss = RSS.exec(stderr)
      resolve({ seconds, maxRssMiB: rss === null ? Number.NaN : Number(rss[1]) / 1024 })
    })
  })

/** The median of repeated runs (after one warm-up run), by wall time. */
export const median = async (preload: string, args: ReadonlyArray<string>, repeat = 3): Promise<Run> => {
  await measure(preload, args)
  const runs: Run[] = []
  for (let i = 0; i < repeat; i++) runs.push(await measure(preload, args))
  runs.sort((a, b) => a.seconds - b.seconds)
  return runs[Math.floor(runs.length / 2)]!
}
