import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const HERE = fileURLToPath(new URL('..', import.meta.url))
const README = readFileSync(join(HERE, 'README.md'), 'utf8')
const [commands = ''] = [...README.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map((block) => block[1]!)
const lines = commands.split('\n').filter((line) => line.trim() !== '')
const exportLine = lines.find((line) => line.includes('herbie export'))!
const PORT = /--prometheus (\d+)/.exec(exportLine)?.[1]

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0))
    })
  })

describe("the example's README, run from this folder", () => {
  it('has the export command and the compose command, in that order', () => {
    expect(lines).toEqual([
      'pnpm herbie export --events test/fixtures/events.ndjson --prometheus 9464 --host 0.0.0.0',
      'docker compose up',
    ])
  })

  it('the export command serves the metrics of the events it names, until Ctrl-C', async () => {
    // As printed, but on loopback and a free port: the tests serve nothing beyond this machine.
    const port = await freePort()
    const command = exportLine
      .replace('--host 0.0.0.0', '--host 127.0.0.1')
      .replace(`--prometheus ${PORT}`, `--prometheus ${port}`)
    const child = spawn('bash', ['-c', command], {
      cwd: HERE,
      detached: true,
      env: { ...process.env, NO_COLOR: '1' },
    })
    let stderr = ''
    child.stderr.on('data', (chunk) => {
      stderr += chunk
    })
    const exited = new Promise<void>((resolve) => child.on('close', () => resolve()))
    try {
      const deadline = Date.now() + 30_000
      while (!stderr.includes('serving metrics on') && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 100))
      expect(stderr).toContain(`serving metrics on http://127.0.0.1:${port}/metrics`)
      const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text()
      expect(text).toMatch(/^herbie_item_completed_total\{[^}]*\} \d+$/m)
    } finally {
      process.kill(-child.pid!, 'SIGINT')
    }
    await exited
    // Ctrl-C stopped it: nothing listens any more.
    await expect(fetch(`http://127.0.0.1:${port}/metrics`)).rejects.toThrow()
  })

  it('compose mounts files that are here, and Prometheus scrapes the port the export serves on', () => {
    const compose = readFileSync(join(HERE, 'compose.yaml'), 'utf8')
    const mounted = [...compose.matchAll(/^\s+- \.\/([^:]+):/gm)].map((match) => match[1]!)
    expect(mounted).toEqual(['prometheus.yml', 'provisioning', 'dashboards'])
    for (const path of mounted) expect(existsSync(join(HERE, path)), path).toBe(true)
    const scrape = readFileSync(join(HERE, 'prometheus.yml'), 'utf8')
    expect(scrape).toContain(`targets: ["host.docker.internal:${PORT}"]`)
    expect(compose).toContain('"host.docker.internal:host-gateway"')
  })
})
