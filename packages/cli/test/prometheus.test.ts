import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort, servePrometheus } from './support/prometheus.js'
import { files, line, twoItems } from './support/run.js'

// Debian's prometheus package: .ci/run installs it; without it the test fails in CI and is
// skipped on a workstation.
const PROMETHEUS = process.env.PROMETHEUS_BIN ?? '/usr/bin/prometheus'
const available = existsSync(PROMETHEUS)
if (!available && process.env.CI)
  throw new Error(`${PROMETHEUS} is missing: .ci/run installs Debian's prometheus`)

/** Two items done, and C waiting for review since hour 5. */
const events = [
  ...twoItems,
  line('C', 'develop', 'enter', 2),
  line('C', 'develop', 'exit', 5),
  line('C', 'review-queue', 'enter', 5),
]

describe.skipIf(!available)('a real Prometheus scraping herbie export --prometheus', () => {
  let stopHerbie: () => Promise<number | null>
  let stopPrometheus: () => void
  let api = ''
  beforeAll(async () => {
    const herbiePort = await freePort()
    const served = await servePrometheus(
      files({ 'events.ndjson': `${events.join('\n')}\n` })['events.ndjson']!,
      herbiePort,
    )
    stopHerbie = served.stop
    const dir = mkdtempSync(join(tmpdir(), 'herbie-prometheus-'))
    writeFileSync(
      join(dir, 'prometheus.yml'),
      `global:\n  scrape_interval: 1s\nscrape_configs:\n  - job_name: herbie\n    static_configs:\n      - targets: ['127.0.0.1:${herbiePort}']\n`,
    )
    const prometheusPort = await freePort()
    const child = spawn(
      PROMETHEUS,
      [
        `--config.file=${join(dir, 'prometheus.yml')}`,
        `--storage.tsdb.path=${join(dir, 'data')}`,
        `--web.listen-address=127.0.0.1:${prometheusPort}`,
      ],
      { stdio: 'ignore' },
    )
    stopPrometheus = () => child.kill('SIGTERM')
    api = `http://127.0.0.1:${prometheusPort}/api/v1/query?query=`
    // Wait (bounded) until Prometheus has scraped herbie once.
    const deadline = Date.now() + 30_000
    while (Date.now() < deadline) {
      const scraped = await query('herbie_item_completed_total').catch(() => [])
      if (scraped.length > 0) return
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
    throw new Error('Prometheus did not scrape herbie within 30 s')
  }, 60_000)
  afterAll(async () => {
    stopPrometheus?.()
    await stopHerbie?.()
  })

  const query = async (
    promql: string,
  ): Promise<Array<{ metric: Record<string, string>; value: [number, string] }>> => {
    const response = await fetch(`${api}${encodeURIComponent(promql)}`)
    const body = (await response.json()) as { status: string; data: { result: [] } }
    if (body.status !== 'success') throw new Error(`query ${promql}: ${JSON.stringify(body)}`)
    return body.data.result
  }
  const single = async (promql: string) => {
    const result = await query(promql)
    expect(result, promql).toHaveLength(1)
    return Number(result[0]!.value[1])
  }

  it('PromQL returns the WIP and the queue per stage', async () => {
    expect(await single('herbie_stage_wip{herbie_stage="review-queue"}')).toBe(1)
    expect(await single('herbie_stage_wip{herbie_stage="develop"}')).toBe(0)
    expect(await single('herbie_stage_queue{herbie_stage="review"}')).toBe(1)
  })

  it('PromQL ranks review first, and names no constraint from two done items', async () => {
    expect(await query('herbie_constraint == 1')).toEqual([])
    expect(await single('herbie_constraint{herbie_stage="review"}')).toBe(0)
    const top = await query('herbie_constraint_score == 1')
    expect(top.map((series) => series.metric.herbie_stage)).toEqual(['review'])
  })

  it('PromQL counts the lead-time histogram: two items, both done within 8 hours', async () => {
    expect(await single('herbie_item_lead_time_count')).toBe(2)
    expect(await single('herbie_item_lead_time_sum')).toBe(13 * 3600)
    expect(await single('herbie_item_lead_time_bucket{le="14400"}')).toBe(0)
    expect(await single('herbie_item_lead_time_bucket{le="28800"}')).toBe(2)
    expect(await single('herbie_item_completed_total')).toBe(2)
  })
})
