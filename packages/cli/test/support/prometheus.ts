import { spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'

/** A port free on loopback now. */
export const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })

/** Starts `herbie export --prometheus PORT` and resolves once it serves. */
export const servePrometheus = async (file: string, port: number) => {
  const bin = fileURLToPath(new URL('../../dist/bin.js', import.meta.url))
  const child = spawn(process.execPath, [bin, 'export', '--events', file, '--prometheus', String(port)])
  let stderr = ''
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`herbie export did not start serving: ${stderr}`)),
      20_000,
    )
    child.stderr.on('data', (chunk) => {
      stderr += chunk
      if (stderr.includes('serving metrics on')) {
        clearTimeout(timer)
        resolve()
      }
    })
  })
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve))
  return { stop: () => (child.kill('SIGTERM'), exited), stderr: () => stderr }
}
