import { createHmac } from 'node:crypto'
import { decodeConfig, FetchTransport, type WebhookDelivery } from '@herbie/core'
import { Effect, Exit } from 'effect'
import { HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { githubAdapter } from '../src/index.js'
import { API, fixtureBytes, storyHandlers, sync } from './support.js'

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
beforeAll(() => server.use(...storyHandlers()))
afterEach(() => server.resetHandlers(...storyHandlers()))
afterAll(() => server.close())

const config = Effect.runSync(
  decodeConfig(githubAdapter, { repositories: ['acme/payments'], webhookSecret: 'herbie-test-secret' }),
)
const webhook = githubAdapter.webhook!
const sign = (body: Uint8Array) =>
  `sha256=${createHmac('sha256', 'herbie-test-secret').update(body).digest('hex')}`

const DELIVERIES = [
  [
    'pull_request',
    'pull_request.opened.json',
    'sha256=51b7e95159f40ac48d75971dea92bafacf6d6611b022aee39346fdd035428257',
  ],
  [
    'pull_request',
    'pull_request.ready_for_review.json',
    'sha256=a8fee8de190262ed3a7d9b917d8e90234bf2826c78d8d5d5b578ca669f6b1ec8',
  ],
  [
    'pull_request',
    'pull_request.closed-merged.json',
    'sha256=705d84fa30cca567b851723bcc941bcd74c7bcd988e0b17e183c1f050d5897a7',
  ],
  [
    'pull_request_review',
    'pull_request_review.submitted-approved.json',
    'sha256=c140538d44f0e83e76fde5b02bb2f8f64138626bb00df9248a4af4167867e1fe',
  ],
  [
    'workflow_run',
    'workflow_run.completed.json',
    'sha256=ce95ae3f6e400c82b36617d375e6e4aca2d8920d6ed9aea1f52d966e73ddcb82',
  ],
  [
    'workflow_job',
    'workflow_job.completed.json',
    'sha256=e3ff4b74676344257be5f2069e88cf11a46119860b074479be314129a9adb37d',
  ],
  [
    'deployment_status',
    'deployment_status.created.json',
    'sha256=48b96c43db510cc0dfe08b6541f051b7c8b58ffdadf5eaa281f98483b87bfd59',
  ],
] as const

const delivery = (
  event: string,
  file: string,
  signature?: string,
  mutate?: (body: Buffer) => Buffer,
): WebhookDelivery => {
  const body = fixtureBytes(`webhooks/${file}`)
  const rawBody = mutate === undefined ? body : mutate(body)
  return {
    headers: {
      'x-github-event': event,
      ...(signature === undefined ? {} : { 'x-hub-signature-256': signature }),
    },
    rawBody,
  }
}

const rejected = (d: WebhookDelivery) => {
  const exit = Effect.runSyncExit(webhook.verify(config, d))
  return Exit.isFailure(exit) && exit.cause._tag === 'Fail' ? exit.cause.error.reason : undefined
}

describe('GitHub webhooks', () => {
  it.each(DELIVERIES)(
    '%s %s: the recorded signature over the exact bytes is accepted',
    (event, file, signature) => {
      const d = delivery(event, file, signature)
      expect(sign(d.rawBody)).toBe(signature)
      expect(rejected(d)).toBeUndefined()
    },
  )

  it.each(DELIVERIES)(
    '%s %s: a zero signature, a changed byte and a missing header are rejected',
    (event, file, signature) => {
      expect(rejected(delivery(event, file, `sha256=${'0'.repeat(64)}`))).toBe(
        'signature does not match the body',
      )
      expect(
        rejected(delivery(event, file, signature, (body) => Buffer.concat([body, Buffer.from('\n')]))),
      ).toBe('signature does not match the body')
      expect(rejected(delivery(event, file))).toBe('missing X-Hub-Signature-256 header')
      expect(rejected(delivery(event, file, 'sha1=abc'))).toBe(
        'X-Hub-Signature-256 is not sha256=<64 hex digits>',
      )
    },
  )

  it('rejects a bad signature before reading the body: a body that is not JSON fails verification, not parsing', () => {
    const d: WebhookDelivery = {
      headers: { 'x-github-event': 'pull_request', 'x-hub-signature-256': `sha256=${'1'.repeat(64)}` },
      rawBody: Buffer.from('{not json'),
    }
    expect(rejected(d)).toBe('signature does not match the body')
  })

  it('without a configured secret every delivery is refused', () => {
    const open = Effect.runSync(decodeConfig(githubAdapter, { repositories: ['acme/payments'] }))
    const exit = Effect.runSyncExit(
      webhook.verify(open, delivery(...(DELIVERIES[0].slice(0, 3) as [string, string, string]))),
    )
    expect(Exit.isFailure(exit)).toBe(true)
  })

  const mapExit = (d: WebhookDelivery) =>
    Effect.runPromiseExit(webhook.map(config, d, githubAdapter.stages).pipe(Effect.provide(FetchTransport)))
  const mapEvents = async (d: WebhookDelivery) => {
    const exit = await mapExit(d)
    if (Exit.isFailure(exit)) throw new Error(`map failed: ${String(exit.cause)}`)
    return exit.value
  }
  const mapped = async (event: string, file: string) =>
    (await mapEvents(delivery(event, file))).map(
      (e) => `${e.id} ${e.at}${e.outcome === undefined ? '' : ` ${e.outcome}`}`,
    )
  /** The completed job delivery, turned into the `in_progress` one GitHub sends when it starts. */
  const jobStarted = () => {
    const hook = JSON.parse(fixtureBytes('webhooks/workflow_job.completed.json').toString('utf8'))
    hook.action = 'in_progress'
    hook.workflow_job = { ...hook.workflow_job, status: 'in_progress', conclusion: null, completed_at: null }
    return { headers: { 'x-github-event': 'workflow_job' }, rawBody: Buffer.from(JSON.stringify(hook)) }
  }

  it('maps ready_for_review, the approving review, the completed run and the production deployment with the backfill ids', async () => {
    expect(await mapped('pull_request', 'pull_request.ready_for_review.json')).toEqual([
      expect.stringMatching(/^github:acme\/payments#87:coding:exit 2026-03-04T16:15:4\dZ$/),
      expect.stringMatching(/^github:acme\/payments#87:awaiting-review:enter 2026-03-04T16:15:4\dZ$/),
    ])
    expect(await mapped('pull_request_review', 'pull_request_review.submitted-approved.json')).toEqual([
      'github:acme/payments#87:awaiting-review:exit 2026-03-05T14:08:51Z',
      'github:acme/payments#87:in-review:enter 2026-03-05T14:08:51Z',
      'github:acme/payments#87:in-review:exit 2026-03-05T14:08:51Z',
    ])
    expect(await mapped('workflow_run', 'workflow_run.completed.json')).toEqual([
      expect.stringMatching(/^github:acme\/payments#87:run:13712044502:1:enter /),
      expect.stringMatching(/^github:acme\/payments#87:run:13712044502:1:exit .* success$/),
    ])
    const deployment = await mapped('deployment_status', 'deployment_status.created.json')
    expect(deployment).toContain(
      'github:acme/payments#87:deployment:2210489902:running:exit 2026-03-05T16:04:41Z success',
    )
    expect(deployment).toContain(
      'github:acme/payments#87:deployment:2210489902:done:enter 2026-03-05T16:04:41Z',
    )
  })

  it("a job going in progress maps its commit's CI stays as the backfill has them; a completed job adds nothing", async () => {
    expect(await mapped('workflow_job', 'workflow_job.completed.json')).toEqual([])
    // The run is fetched (GitHub has it completed by now): the stay enters at the first job's
    // start, 11:04:02, not at this job's (11:09:06), under the id and time the backfill gives it.
    const events = await mapEvents(jobStarted())
    expect(events.map((e) => `${e.id} ${e.stage} ${e.at}`)).toEqual([
      'github:acme/payments#87:run:13712044502:1:enter ci 2026-03-05T11:04:02Z',
      'github:acme/payments#87:run:13712044502:1:exit ci 2026-03-05T11:19:47Z',
    ])
  })

  it('a scheduled run maps to nothing, and costs no lookup', async () => {
    const hook = JSON.parse(fixtureBytes('webhooks/workflow_run.completed.json').toString('utf8'))
    hook.workflow_run = { ...hook.workflow_run, event: 'schedule', name: 'CodeQL' }
    let lookups = 0
    server.use(
      http.all(`${API}/*`, () => {
        lookups++
        return undefined
      }),
    )
    const events = await mapEvents({
      headers: { 'x-github-event': 'workflow_run' },
      rawBody: Buffer.from(JSON.stringify(hook)),
    })
    expect(events).toEqual([])
    expect(lookups).toBe(0)
  })

  it('every id a delivery maps to is one the backfill gives the same fact', async () => {
    const backfilled = new Set(
      (await Effect.runPromise(sync(githubAdapter, { repositories: ['acme/payments'] }))).events.map(
        (e) => e.id,
      ),
    )
    const deliveries = [...DELIVERIES.map(([event, file]) => delivery(event, file)), jobStarted()]
    const ids = (await Promise.all(deliveries.map(mapEvents))).flat().map((e) => e.id)
    expect(ids.length).toBeGreaterThan(10)
    expect(ids.filter((id) => !backfilled.has(id))).toEqual([])
  })

  it('a deployment of a commit no pull request contains stays on the commit item', async () => {
    server.use(http.get(`${API}/repos/acme/payments/commits/:sha/pulls`, () => HttpResponse.json([])))
    const events = await mapEvents(delivery('deployment_status', 'deployment_status.created.json'))
    expect(new Set(events.map((e) => e.itemId))).toEqual(
      new Set(['github:acme/payments@9f1c2e7b4a6d8c0e1f3a5b7c9d2e4f6a8b0c1d3e']),
    )
  })

  it('a lookup refused by the API fails typed, so the delivery can be retried and nothing is mapped to the wrong item', async () => {
    server.use(
      http.get(`${API}/repos/acme/payments/commits/:sha/pulls`, () =>
        HttpResponse.json(
          { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' },
          { status: 401 },
        ),
      ),
    )
    const exit = await mapExit(delivery('deployment_status', 'deployment_status.created.json'))
    expect(Exit.isFailure(exit) && exit.cause._tag === 'Fail' && exit.cause.error._tag).toBe('AuthFailed')
  })

  it('a payload that does not match names the JSON path', async () => {
    const body = Buffer.from(
      JSON.stringify({
        action: 'opened',
        pull_request: { number: 'x' },
        repository: { full_name: 'acme/payments' },
      }),
    )
    const exit = await mapExit({ headers: { 'x-github-event': 'pull_request' }, rawBody: body })
    expect(
      Exit.isFailure(exit) &&
        exit.cause._tag === 'Fail' &&
        exit.cause.error._tag === 'MalformedPayload' &&
        exit.cause.error.path,
    ).toBe('pull_request webhook $.pull_request.number')
  })
})
