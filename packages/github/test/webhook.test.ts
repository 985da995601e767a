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
    'sha256=9f48b2d8a4b246216ec13e4f13a59ab3a04326924c2ad0f4c04e1bd1937da7e7',
  ],
  [
    'pull_request',
    'pull_request.ready_for_review.json',
    'sha256=d987fd0a98f9ab2508807e11ed9fab4e4bfa2c0b03bdcdadb09cac3921eda2a9',
  ],
  [
    'pull_request',
    'pull_request.closed-merged.json',
    'sha256=41b2b03a892cf0fb9cf2456f1fda9e9a8ffa60d8ff619533a3c184d828189964',
  ],
  [
    'pull_request_review',
    'pull_request_review.submitted-approved.json',
    'sha256=199b941c950b28fc65acba93e337da8ef197504a977a906556ad3a10b36d9a05',
  ],
  [
    'workflow_run',
    'workflow_run.completed.json',
    'sha256=a33cce001f49e60dff3f0f01fd164e80214df9e2fa9c44a4b758ea2803599c6a',
  ],
  [
    'workflow_job',
    'workflow_job.completed.json',
    'sha256=755b9166247cf6d09309b60f44247edfdf3a356d8ad569af931224f7077ab755',
  ],
  [
    'deployment_status',
    'deployment_status.created.json',
    'sha256=827f9f6c50ded4b55b530069daf3134e938dd1a589065165ab2c424879e31d44',
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

  it('a job going in progress starts its run in CI; a completed job adds nothing the run does not', async () => {
    expect(await mapped('workflow_job', 'workflow_job.completed.json')).toEqual([])
    const events = await mapEvents(jobStarted())
    expect(events.map((e) => `${e.id} ${e.stage} ${e.at}`)).toEqual([
      'github:acme/payments#87:run:13712044502:1:enter ci 2026-03-05T11:09:06Z',
    ])
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
