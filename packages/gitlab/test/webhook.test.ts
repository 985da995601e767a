import { decodeConfig, FetchTransport } from '@herbie/core'
import { Effect, Exit } from 'effect'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { gitlabAdapter, gitlabTime, mapDelivery, verifyDelivery } from '../src/index.js'
import { fixtureBytes, storyProject } from './fakeGitlab.js'
import { projectHandlers, TOKEN } from './support.js'

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const config = Effect.runSync(
  decodeConfig(gitlabAdapter, {
    projects: ['acme/ledger'],
    token: TOKEN,
    baseUrl: 'https://gitlab.example.com',
    webhookToken: 'herbie-test-token',
  }),
)
const body = fixtureBytes('webhooks/pipeline.success.json')
const rejection = <E>(exit: Exit.Exit<void, E>): E | undefined =>
  Exit.isFailure(exit) && exit.cause._tag === 'Fail' ? exit.cause.error : undefined

describe('X-Gitlab-Token', () => {
  it('a missing or wrong token is a typed rejection, decided before the body is parsed', () => {
    const notJson = new TextEncoder().encode('{"not": json')
    expect(
      rejection(Effect.runSyncExit(verifyDelivery(config, { headers: {}, rawBody: notJson }))),
    ).toMatchObject({
      _tag: 'WebhookRejected',
      source: 'gitlab',
      reason: 'missing X-Gitlab-Token header',
    })
    const wrong = { headers: { 'x-gitlab-token': 'herbie-test-tokeN' }, rawBody: notJson }
    expect(rejection(Effect.runSyncExit(verifyDelivery(config, wrong)))).toMatchObject({
      _tag: 'WebhookRejected',
      reason: 'X-Gitlab-Token does not match',
    })
    const short = { headers: { 'x-gitlab-token': 'x' }, rawBody: body }
    expect(rejection(Effect.runSyncExit(verifyDelivery(config, short)))?.message).toBe(
      'gitlab: webhook rejected: X-Gitlab-Token does not match',
    )
    expect(
      Exit.isSuccess(
        Effect.runSyncExit(
          verifyDelivery(config, { headers: { 'x-gitlab-token': 'herbie-test-token' }, rawBody: body }),
        ),
      ),
    ).toBe(true)
  })

  it('without a configured webhookToken every delivery is refused', () => {
    const open = { ...config, webhookToken: undefined }
    const delivery = { headers: { 'x-gitlab-token': 'herbie-test-token' }, rawBody: body }
    expect(rejection(Effect.runSyncExit(verifyDelivery(open, delivery)))).toMatchObject({
      reason: 'no webhookToken configured',
    })
  })
})

describe('mapping', () => {
  it("a Deployment Hook maps to the deployment's stays and its done candidate, a Merge Request Hook to the merge request's life", async () => {
    server.use(...projectHandlers([storyProject()]))
    const map = (event: string, file: string) =>
      Effect.runPromise(
        mapDelivery(
          config,
          { headers: { 'x-gitlab-event': event }, rawBody: fixtureBytes(`webhooks/${file}`) },
          gitlabAdapter.stages,
        ).pipe(Effect.provide(FetchTransport)),
      )
    const deployment = await map('Deployment Hook', 'deployment.success.json')
    expect(deployment.map((event) => `${event.id} ${event.at}`)).toEqual([
      'gitlab:acme/ledger!23:deployment:1207:waiting:enter 2026-03-10T11:24:51.858Z',
      'gitlab:acme/ledger!23:deployment:1207:waiting:exit 2026-03-10T11:25:02.440Z',
      'gitlab:acme/ledger!23:deployment:1207:running:enter 2026-03-10T11:25:02.440Z',
      'gitlab:acme/ledger!23:deployment:1207:running:exit 2026-03-10T11:40:12.441Z',
      'gitlab:acme/ledger!23:deployment:1207:done:enter 2026-03-10T11:40:12.441Z',
    ])
    const merged = await map('Merge Request Hook', 'merge_request.merge.json')
    expect(merged.find((event) => event.stage === 'done')).toMatchObject({
      id: 'gitlab:acme/ledger!23:merge:done:enter',
      at: '2026-03-10T11:05:30.412Z',
    })
    expect(await map('Push Hook', 'merge_request.merge.json')).toEqual([])
  })

  it('reads the three timestamp forms GitLab writes', () => {
    expect(gitlabTime('2026-03-10 11:05:41 UTC')).toBe('2026-03-10T11:05:41.000Z')
    expect(gitlabTime('2026-03-10 12:40:12 +0100')).toBe('2026-03-10T11:40:12.000Z')
    expect(gitlabTime('2023-09-04T19:10:52.976+02:00')).toBe('2023-09-04T17:10:52.976Z')
    expect(gitlabTime('2026-03-10 11:05:41')).toBeUndefined()
  })
})
