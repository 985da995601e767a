import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))
const BIN = here('../../../packages/cli/dist/bin.js')
const EVENTS = here('./fixtures/events.ndjson')
const PROMETHEUS = process.env.PROMETHEUS_BIN ?? '/usr/bin/prometheus'
const PROMTOOL = process.env.PROMTOOL_BIN ?? '/usr/bin/promtool'
const withPrometheus = existsSync(PROMETHEUS)
if (!withPrometheus && process.env.CI)
  throw new Error(`${PROMETHEUS} is missing: .ci/run installs Debian's prometheus`)

interface Panel {
  readonly title: string
  readonly targets: ReadonlyArray<{ readonly expr: string }>
}
const dashboard = JSON.parse(readFileSync(here('../dashboards/herbie-flow.json'), 'utf8')) as {
  uid: string
  panels: ReadonlyArray<Panel>
}
const queries = dashboard.panels.flatMap((panel) =>
  panel.targets.map((target) => ({ panel: panel.title, expr: target.expr })),
)

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })

/** Metric names and each one's label names, from a Prometheus text exposition. */
const exposition = (text: string) => {
  const labels = new Map<string, Set<string>>()
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{([^}]*)\})?/.exec(line)
    if (match === null) continue
    const names = labels.get(match[1]!) ?? new Set<string>()
    for (const pair of (match[3] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="/g)) names.add(pair[1]!)
    labels.set(match[1]!, names)
  }
  return labels
}

/** The metric names a query reads (Herbie's and the CI/CD and VCS conventions') and the label names it uses. */
const referenced = (expr: string) => ({
  metrics: [
    ...new Set(
      [
        ...expr
          .replace(/\bby\s*\([^)]*\)|\{[^}]*\}/g, ' ')
          .matchAll(/\b((?:herbie|cicd|vcs)_[a-zA-Z0-9_]+)/g),
      ].map((match) => match[1]!),
    ),
  ],
  labels: [
    ...new Set([
      ...[...expr.matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)\s*(?:=|!=|=~|!~)\s*"/g)].map((match) => match[1]!),
      ...[...expr.matchAll(/\bby\s*\(([^)]*)\)/g)].flatMap((match) =>
        match[1]!.split(',').map((name) => name.trim()),
      ),
    ]),
  ],
})

describe('the Grafana example', () => {
  let herbie: ChildProcess
  let port = 0
  let emitted = new Map<string, Set<string>>()
  beforeAll(async () => {
    port = await freePort()
    herbie = spawn(process.execPath, [BIN, 'export', '--events', EVENTS, '--prometheus', String(port)])
    await new Promise<void>((resolve, reject) => {
      let stderr = ''
      const timer = setTimeout(() => reject(new Error(`herbie export did not serve: ${stderr}`)), 20_000)
      herbie.stderr!.on('data', (chunk) => {
        stderr += chunk
        if (stderr.includes('serving metrics on')) {
          clearTimeout(timer)
          resolve()
        }
      })
    })
    emitted = exposition(await (await fetch(`http://127.0.0.1:${port}/metrics`)).text())
  }, 30_000)
  afterAll(() => {
    herbie?.kill('SIGTERM')
  })

  it('every panel query reads metrics and labels herbie export really emits', () => {
    expect(queries.length).toBeGreaterThanOrEqual(15)
    for (const { panel, expr } of queries) {
      const { metrics, labels } = referenced(expr)
      expect(metrics.length, `${panel}: ${expr}`).toBeGreaterThan(0)
      for (const metric of metrics) {
        expect(emitted.has(metric), `${panel}: ${metric} is not emitted`).toBe(true)
        for (const label of labels) {
          if (label === 'le' && !metric.endsWith('_bucket')) continue
          expect(
            emitted.get(metric)!.has(label) || label === 'le',
            `${panel}: ${metric} has no label ${label}`,
          ).toBe(true)
        }
      }
    }
  })

  it('covers what the issue asks for: lead time, wait vs work, WIP and queues, the constraint, DORA, cumulative flow', () => {
    const titles = dashboard.panels.map((panel) => panel.title).join(' | ')
    for (const topic of [
      'Lead time',
      'Wait vs work',
      'WIP',
      'Queue',
      'constraint',
      'deployments',
      'Change failure rate',
      'Cumulative flow',
    ]) {
      expect(titles).toContain(topic)
    }
  })

  it('the scrape config passes promtool', () => {
    if (!existsSync(PROMTOOL)) return expect(process.env.CI).toBeFalsy()
    const result = spawnSync(PROMTOOL, ['check', 'config', here('../prometheus.yml')], { encoding: 'utf8' })
    expect(result.status, result.stdout + result.stderr).toBe(0)
  })

  it.skipIf(!withPrometheus)(
    'every panel query returns data from a real Prometheus scraping herbie',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'herbie-grafana-'))
      const config = readFileSync(here('../prometheus.yml'), 'utf8')
        .replace('host.docker.internal:9464', `127.0.0.1:${port}`)
        .replace('scrape_interval: 30s', 'scrape_interval: 1s')
      writeFileSync(join(dir, 'prometheus.yml'), config)
      const apiPort = await freePort()
      const prometheus = spawn(
        PROMETHEUS,
        [
          `--config.file=${join(dir, 'prometheus.yml')}`,
          `--storage.tsdb.path=${join(dir, 'data')}`,
          `--web.listen-address=127.0.0.1:${apiPort}`,
        ],
        { stdio: 'ignore' },
      )
      try {
        const query = async (expr: string) => {
          const response = await fetch(
            `http://127.0.0.1:${apiPort}/api/v1/query?query=${encodeURIComponent(expr)}`,
          )
          const body = (await response.json()) as { status: string; data: { result: unknown[] } }
          return body.status === 'success' ? body.data.result : []
        }
        const deadline = Date.now() + 30_000
        while ((await query('herbie_item_completed_total').catch(() => [])).length === 0) {
          if (Date.now() > deadline) throw new Error('Prometheus did not scrape herbie within 30 s')
          await new Promise((resolve) => setTimeout(resolve, 250))
        }
        for (const { panel, expr } of queries)
          expect((await query(expr)).length, `${panel}: ${expr}`).toBeGreaterThan(0)
      } finally {
        prometheus.kill('SIGTERM')
      }
    },
  )
})
