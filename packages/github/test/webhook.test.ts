import { createHmac } from 'node:crypto'
import { decodeConfig, type WebhookDelivery } from '@herbie/core'
import { Effect, Exit } from 'effect'
import { describe, expect, it } from 'vitest'
import { githubAdapter } from '../src/index.js'
import { fixtureBytes } from './support.js'

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

  const mapped = (event: string, file: string) =>
    Effect.runSync(webhook.map(config, delivery(event, file), githubAdapter.stages)).map(
      (e) => `${e.id} ${e.at}${e.outcome === undefined ? '' : ` ${e.outcome}`}`,
    )

  it('maps ready_for_review, the approving review, the completed run and the production deployment with the backfill ids', () => {
    expect(mapped('pull_request', 'pull_request.ready_for_review.json')).toEqual([
      expect.stringMatching(/^github:acme\/payments#87:coding:exit 2026-03-04T16:15:4\dZ$/),
      expect.stringMatching(/^github:acme\/payments#87:awaiting-review:enter 2026-03-04T16:15:4\dZ$/),
    ])
    expect(mapped('pull_request_review', 'pull_request_review.submitted-approved.json')).toEqual([
      'github:acme/payments#87:awaiting-review:exit 2026-03-05T14:08:51Z',
      'github:acme/payments#87:in-review:enter 2026-03-05T14:08:51Z',
      'github:acme/payments#87:in-review:exit 2026-03-05T14:08:51Z',
    ])
    expect(mapped('workflow_run', 'workflow_run.completed.json')).toEqual([
      expect.stringMatching(/^github:acme\/payments#87:run:13712044502:1:enter /),
      expect.stringMatching(/^github:acme\/payments#87:run:13712044502:1:exit .* success$/),
    ])
    const deployment = mapped('deployment_status', 'deployment_status.created.json')
    expect(deployment).toContain(
      'github:acme/payments@9f1c2e7b4a6d8c0e1f3a5b7c9d2e4f6a8b0c1d3e:deployment:2210489902:running:exit 2026-03-05T16:04:41Z success',
    )
    expect(mapped('workflow_job', 'workflow_job.completed.json')).toEqual([])
  })

  it('a payload that does not match names the JSON path', () => {
    const body = Buffer.from(
      JSON.stringify({
        action: 'opened',
        pull_request: { number: 'x' },
        repository: { full_name: 'acme/payments' },
      }),
    )
    const exit = Effect.runSyncExit(
      webhook.map(
        config,
        { headers: { 'x-github-event': 'pull_request' }, rawBody: body },
        githubAdapter.stages,
      ),
    )
    expect(Exit.isFailure(exit) && exit.cause._tag === 'Fail' && exit.cause.error.path).toBe(
      'pull_request webhook $.pull_request.number',
    )
  })
})
