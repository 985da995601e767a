import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  attributesOf,
  decodeProtobuf,
  metricsByName,
  type OtlpRequest,
  startOtlpReceiver,
} from './support/otlpReceiver.js'
import { freePort, servePrometheus } from './support/prometheus.js'
import { files, herbieIn, twoItems } from './support/run.js'

const HOUR = 3600
const eventsFile = () => files({ 'events.ndjson': `${twoItems.join('\n')}\n` })['events.ndjson']!

const pointsOf = (request: OtlpRequest, name: string) => {
  const metric = metricsByName(request).get(name)
  return metric?.histogram?.dataPoints ?? metric?.sum?.dataPoints ?? metric?.gauge?.dataPoints ?? []
}

describe('herbie export --otlp', () => {
  let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>
  beforeAll(async () => {
    receiver = await startOtlpReceiver()
  })
  afterAll(() => receiver.close())

  it('posts protobuf that decodes with the official definitions: names, units, attributes and values', async () => {
    const { code, stderr } = await herbieIn(
      {},
      'export',
      '--events',
      eventsFile(),
      '--otlp',
      receiver.url,
      '--headers',
      'x-api-key=secret-key',
    )
    const host = new URL(receiver.url).host
    const metricCount = metricsByName(decodeProtobuf(receiver.requests.at(-1)!.body)).size
    expect(stderr.trim().split('\n')).toEqual([
      `connecting to ${host} (OTLP/HTTP, http/protobuf)`,
      expect.stringMatching(
        new RegExp(
          `^sent ${metricCount} metrics \\(\\d+ data points\\) from 14 events to http://${host}/v1/metrics$`,
        ),
      ),
    ])
    expect(code).toBe(0)
    const request = receiver.requests.at(-1)!
    expect(request.path).toBe('/v1/metrics')
    expect(request.headers['content-type']).toBe('application/x-protobuf')
    expect(request.headers['x-api-key']).toBe('secret-key')
    const decoded = decodeProtobuf(request.body)
    expect(attributesOf(decoded.resourceMetrics[0]!.resource!)).toMatchObject({ 'service.name': 'herbie' })
    const metrics = metricsByName(decoded)
    expect(metrics.get('herbie.stage.duration')?.unit).toBe('s')
    expect(metrics.get('herbie.item.completed')?.unit).toBe('{item}')
    expect(metrics.get('herbie.item.completed')?.sum?.isMonotonic).toBe(true)
    const develop = pointsOf(decoded, 'herbie.stage.duration').find(
      (point) => attributesOf(point)['herbie.stage'] === 'develop',
    )!
    expect(attributesOf(develop)).toEqual({ 'herbie.stage': 'develop', 'herbie.stage.activity': 'work' })
    expect([Number(develop.count), develop.sum]).toEqual([2, 6 * HOUR])
    expect(develop.explicitBounds).toContain(86_400)
    const lead = pointsOf(decoded, 'herbie.item.lead_time')[0]!
    expect([Number(lead.count), lead.sum]).toEqual([2, 13 * HOUR])
    expect(Number(pointsOf(decoded, 'herbie.item.completed')[0]!.asInt)).toBe(2)
    const constraint = pointsOf(decoded, 'herbie.constraint').map((point) => [
      attributesOf(point)['herbie.stage'],
      point.asDouble ?? Number(point.asInt),
    ])
    // Two items done are too few to name a constraint: every ranked stage shows 0.
    expect(constraint).toContainEqual(['review', 0])
    expect(constraint.every(([, flag]) => flag === 0)).toBe(true)
  })

  it('posts JSON with --protocol http/json', async () => {
    const { code } = await herbieIn(
      {},
      'export',
      '--events',
      eventsFile(),
      '--otlp',
      `${receiver.url}/v1/metrics`,
      '--protocol',
      'http/json',
    )
    expect(code).toBe(0)
    const request = receiver.requests.at(-1)!
    expect(request.headers['content-type']).toBe('application/json')
    const body = JSON.parse(request.body.toString('utf8')) as OtlpRequest
    const names = body.resourceMetrics.flatMap((r) =>
      r.scopeMetrics.flatMap((s) => s.metrics.map((m) => m.name)),
    )
    expect(names).toEqual(
      expect.arrayContaining(['herbie.stage.duration', 'herbie.stage.wip', 'herbie.constraint']),
    )
  })

  it('a receiver that refuses the export fails with exit 1 naming it', async () => {
    const refusing = await startOtlpReceiver(400)
    const { code, stderr } = await herbieIn({}, 'export', '--events', eventsFile(), '--otlp', refusing.url)
    await refusing.close()
    expect(code).toBe(1)
    expect(stderr).toMatch(/^error: OTLP export to http:\/\/127\.0\.0\.1:\d+\/v1\/metrics failed: /m)
  })

  it('needs exactly one of --otlp and --prometheus (exit 2)', async () => {
    const { code, stderr } = await herbieIn({}, 'export', '--events', eventsFile())
    expect(code).toBe(2)
    expect(stderr.trim()).toBe('error: give one of --otlp URL or --prometheus PORT')
    const both = await herbieIn(
      {},
      'export',
      '--events',
      eventsFile(),
      '--otlp',
      receiver.url,
      '--prometheus',
      '9464',
    )
    expect([both.code, both.stderr]).toEqual([2, 'error: only one of --otlp and --prometheus\n'])
  })

  it('says when it retries, and sends once the receiver takes the metrics', async () => {
    const busy = await startOtlpReceiver(503, 503, 200)
    const { code, stderr } = await herbieIn({}, 'export', '--events', eventsFile(), '--otlp', busy.url)
    await busy.close()
    const lines = stderr.trim().split('\n')
    expect(lines.slice(0, 3)).toEqual([
      `connecting to ${new URL(busy.url).host} (OTLP/HTTP, http/protobuf)`,
      'retrying (1 of 3) in 0 s: 503 Service Unavailable: {"code":3,"message":"rejected by the test receiver"}',
      'retrying (2 of 3) in 0 s: 503 Service Unavailable: {"code":3,"message":"rejected by the test receiver"}',
    ])
    expect(lines[3]).toMatch(/^sent \d+ metrics \(\d+ data points\) from 14 events to /)
    expect([code, busy.requests.length]).toEqual([0, 3])
  })

  it('a receiver nobody listens on: each retry, then one error line naming it (exit 1)', async () => {
    const closed = await startOtlpReceiver()
    await closed.close()
    const { code, stderr } = await herbieIn({}, 'export', '--events', eventsFile(), '--otlp', closed.url)
    const host = new URL(closed.url).host
    expect(stderr.trim().split('\n')).toEqual([
      `connecting to ${host} (OTLP/HTTP, http/protobuf)`,
      'retrying (1 of 3) in 0.5 s: connection refused',
      'retrying (2 of 3) in 1 s: connection refused',
      'retrying (3 of 3) in 2 s: connection refused',
      `error: OTLP export to http://${host}/v1/metrics failed: connection refused`,
    ])
    expect(code).toBe(1)
  })
})

describe('herbie export --prometheus', () => {
  it('serves the metrics in the Prometheus text format until stopped', async () => {
    const port = await freePort()
    const served = await servePrometheus(eventsFile(), port)
    const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text()
    expect(await served.stop()).toBe(0)
    expect(served.stderr()).toContain(`serving metrics on http://127.0.0.1:${port}/metrics`)
    expect(text).toContain('# TYPE herbie_stage_duration histogram')
    expect(text).toMatch(
      /^herbie_stage_duration_count\{herbie_stage="develop",herbie_stage_activity="work",[^}]*\} 2$/m,
    )
    expect(text).toMatch(/^herbie_item_completed_total\{[^}]*\} 2$/m)
    expect(text).toMatch(/^herbie_constraint\{herbie_stage="review",[^}]*\} 0$/m)
  })

  it('has a WIP and a queue series for every stage, zeros and done included, in the scope of @herbie/otel', async () => {
    const port = await freePort()
    const served = await servePrometheus(eventsFile(), port)
    const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text()
    expect(await served.stop()).toBe(0)
    const series = (name: string) =>
      [...text.matchAll(new RegExp(`^${name}\\{herbie_stage="([^"]+)",[^}]*\\} (\\d+)$`, 'gm'))].map(
        (match) => [match[1], Number(match[2])],
      )
    const stages = ['backlog', 'develop', 'review-queue', 'review', 'ci', 'deploy-queue', 'deploy', 'done']
    expect(series('herbie_stage_wip')).toEqual(stages.map((stage) => [stage, 0]))
    expect(series('herbie_stage_queue')).toEqual(stages.map((stage) => [stage, 0]))
    const otel = JSON.parse(readFileSync(new URL('../../otel/package.json', import.meta.url), 'utf8')) as {
      version: string
    }
    const scopes = new Set([...text.matchAll(/otel_scope_version="([^"]*)"/g)].map((match) => match[1]))
    expect([...scopes]).toEqual([otel.version])
    expect(otel.version).not.toBe('0.0.0')
    expect(text).toMatch(
      /^herbie_stage_wip\{herbie_stage="done",herbie_stage_activity="wait",otel_scope_name="@herbie\/otel",otel_scope_version="[^"]+"\} 0$/m,
    )
  })
})
