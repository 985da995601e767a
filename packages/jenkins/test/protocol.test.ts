import { failureOf } from '@herbie/testkit'
import { HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { isoFromMillis } from '../src/index.js'
import { AUTHORIZATION, BASE, fakeJenkins, fixture, fixtureText, storyJobs, TOKEN } from './fakeJenkins.js'
import { storyConfig, sync } from './support.js'

type Json = Record<string, unknown>
const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const main = () => {
  const jobs = storyJobs()
  return { 'payments/main': jobs['payments/main']! }
}

/** A freestyle job of `count` builds, numbered 1..count, one a minute. */
const freestyle = (count: number) => ({
  builds: Array.from({ length: count }, (_, index) => {
    const number = count - index
    return {
      _class: 'hudson.model.FreeStyleBuild',
      actions: [{}],
      building: false,
      duration: 30_000,
      number,
      result: 'SUCCESS',
      timestamp: 1772700000000 + number * 60_000,
      url: `${BASE}/job/nightly/${number}/`,
      changeSet: { _class: 'hudson.scm.EmptyChangeLogSet', items: [], kind: null },
    }
  }),
  describes: {},
})

describe('the Jenkins protocol', () => {
  it('times are epoch milliseconds, written exactly: whole seconds without a fraction, others with their milliseconds', () => {
    expect(isoFromMillis(1772721062000)).toBe('2026-03-05T14:31:02Z')
    expect(isoFromMillis(1772721846447)).toBe('2026-03-05T14:44:06.447Z')
    expect(isoFromMillis(1772721040001)).toBe('2026-03-05T14:30:40.001Z')
  })

  it('sends the user and API token as basic auth to Jenkins behind its /jenkins prefix', async () => {
    const fake = fakeJenkins(main(), { auth: true })
    server.use(...fake.handlers)
    const { events, exit } = await sync(storyConfig())
    expect(exit._tag).toBe('Success')
    expect(events.length).toBe(8)
    expect(fake.requests[0]).toMatch(/^\/jenkins\/api\/json\?tree=jobs\[/)
    expect(AUTHORIZATION).toBe(`Basic ${Buffer.from(`dana-k:${TOKEN}`).toString('base64')}`)
  })

  it('pages older builds with allBuilds{M,N} ranges until a page comes back short (three pages of two)', async () => {
    const fake = fakeJenkins({ nightly: freestyle(5) })
    server.use(...fake.handlers)
    const { events } = await sync(storyConfig({ pageSize: 2 }))
    const ranges = fake.requests.filter((request) => request.includes('allBuilds')).map((r) => r.slice(-5))
    expect(ranges).toEqual(['{0,2}', '{2,4}', '{4,6}'])
    expect(events.filter((event) => event.type === 'enter').map((event) => event.attributes?.build)).toEqual([
      1, 2, 3, 4, 5,
    ])
    // freestyle builds have no stages: each is one CI stay, its own item without a repository
    expect(events[0]).toMatchObject({
      id: 'jenkins:nightly#1:build:nightly#1:1:enter',
      itemId: 'jenkins:nightly#1',
      at: '2026-03-05T08:41:00Z',
    })
  })

  it('a second sync lists only the builds newer than the checkpoint, and stops at the first page that reaches it', async () => {
    const jobs = { nightly: freestyle(5) }
    const fake = fakeJenkins(jobs)
    server.use(...fake.handlers)
    const { memoryCheckpointStore } = await import('@herbie/core')
    const store = memoryCheckpointStore()
    await sync(storyConfig({ pageSize: 2 }), store)
    const more = freestyle(7)
    jobs.nightly.builds = more.builds
    fake.requests.length = 0
    const { events } = await sync(storyConfig({ pageSize: 2 }), store)
    expect(events.filter((event) => event.type === 'enter').map((event) => event.attributes?.build)).toEqual([
      6, 7,
    ])
    expect(fake.requests.map((request) => request.split('?')[0])).toEqual([
      '/jenkins/api/json',
      '/jenkins/job/nightly/api/json',
    ])
  })

  it('retries a 503 and a reset connection with backoff, then goes on to the same events', async () => {
    const clean = fakeJenkins(main())
    server.use(...clean.handlers)
    const expected = (await sync(storyConfig())).events
    server.resetHandlers()
    let calls = 0
    server.use(
      http.get(`${BASE}/job/payments/job/main/api/json`, () => {
        calls++
        if (calls === 1)
          return new HttpResponse('Service Unavailable', { status: 503, headers: { 'retry-after': '0' } })
        if (calls === 2) return HttpResponse.error()
        return undefined
      }),
      ...fakeJenkins(main()).handlers,
    )
    const retried = await sync(storyConfig())
    expect(calls).toBe(3)
    expect(retried.events).toEqual(expected)
  }, 30_000)

  it('a lasting 503 fails with Transient once the retries are spent', async () => {
    server.use(http.get(`${BASE}/*`, () => new HttpResponse('Service Unavailable', { status: 503 })))
    expect(failureOf((await sync(storyConfig())).exit)).toMatchObject({
      _tag: 'Transient',
      source: 'jenkins',
    })
  }, 60_000)

  it('a 401 (a bad API token) says Jenkins refused the user and token, with its own words', async () => {
    server.use(
      http.get(
        `${BASE}/api/json`,
        () =>
          new HttpResponse(fixtureText('errors/401.html'), {
            status: 401,
            headers: {
              'content-type': 'text/html;charset=iso-8859-1',
              'www-authenticate': 'Basic realm="Jenkins"',
            },
          }),
      ),
    )
    const error = failureOf((await sync(storyConfig())).exit)
    expect(error).toMatchObject({
      _tag: 'AuthFailed',
      status: 401,
      reason:
        "Jenkins refused the user and API token (Invalid password/token for user: dana-k): check the user and token options (JENKINS_USER, JENKINS_TOKEN); the token is made on the user's Security page in Jenkins",
    })
    expect(JSON.stringify(error)).not.toContain(TOKEN)
  })

  const anonymous = () =>
    http.get(
      `${BASE}/api/json`,
      () =>
        new HttpResponse(fixtureText('errors/403-anonymous.html'), {
          status: 403,
          headers: {
            'content-type': 'text/html;charset=utf-8',
            'x-you-are-authenticated-as': 'anonymous',
            'x-required-permission': 'hudson.model.Hudson.Read',
          },
        }),
    )

  it('a 403 as anonymous without credentials says to set them; with credentials, that a proxy may drop them', async () => {
    server.use(anonymous())
    const { decodeConfig } = await import('@herbie/core')
    const { Effect } = await import('effect')
    const { jenkinsAdapter } = await import('../src/index.js')
    const bare = Effect.runSync(decodeConfig(jenkinsAdapter, { baseUrl: BASE }))
    expect(failureOf((await sync(bare)).exit)).toMatchObject({
      _tag: 'AuthFailed',
      status: 403,
      reason:
        'Jenkins does not let anonymous users read it (X-You-Are-Authenticated-As: anonymous): set the user and token options (JENKINS_USER, JENKINS_TOKEN)',
    })
    expect(failureOf((await sync(storyConfig())).exit)).toMatchObject({
      reason:
        'Jenkins saw the request as anonymous although user dana-k and a token were sent: a proxy in front of Jenkins may drop the Authorization header',
    })
  })

  it('a body that is not the JSON promised fails with MalformedPayload naming the request and the field', async () => {
    const broken = main()
    const [newest] = broken['payments/main'].builds
    broken['payments/main'].builds = [{ ...newest, timestamp: '2026-03-05T14:31:02Z' }]
    server.use(...fakeJenkins(broken).handlers)
    expect(failureOf((await sync(storyConfig())).exit)).toMatchObject({
      _tag: 'MalformedPayload',
      source: 'jenkins',
      path: 'GET job/payments/job/main/api/json $.allBuilds[0].timestamp',
    })
    server.resetHandlers()
    server.use(
      http.get(
        `${BASE}/api/json`,
        () => new HttpResponse('<html>Jenkins is starting</html>', { status: 200 }),
      ),
    )
    expect(failureOf((await sync(storyConfig())).exit)).toMatchObject({ _tag: 'MalformedPayload' })
  })

  it('a job that is not there, named in jobs, fails naming the option', async () => {
    server.use(...fakeJenkins(main()).handlers)
    expect(failureOf((await sync(storyConfig({ jobs: ['payments/nope'] }))).exit)).toMatchObject({
      _tag: 'ConfigInvalid',
      field: 'jobs',
      reason: `no job or folder payments/nope at ${BASE}/job/payments/job/nope/api/json (404)`,
    })
  })

  it('a build still running stays open and is finished by a later sync; deleted by then (404), it is counted unjoined', async () => {
    const { memoryCheckpointStore } = await import('@herbie/core')
    const jobs = storyJobs()
    const pr = { 'payments/PR-88': jobs['payments/PR-88']! }
    const fake = fakeJenkins(pr)
    server.use(...fake.handlers)
    const store = memoryCheckpointStore()
    const first = await sync(storyConfig(), store)
    const open = first.events.filter((event) => event.attributes?.build === 2)
    expect(open.map((event) => `${event.id} ${event.at}`)).toEqual([
      'github:acme/payments#88:build:payments/PR-88#2:1:enter 2026-03-09T09:00:00Z',
    ])
    pr['payments/PR-88'].builds[0] = fixture<Json>('build-pr-88-2-finished.json')
    pr['payments/PR-88'].describes[2] = fixture('build-pr-88-2-finished-wfapi-describe.json')
    const copy = await copyCheckpoints(store, memoryCheckpointStore())
    const second = await sync(storyConfig(), store)
    expect(second.events.map((event) => `${event.id} ${event.at} ${event.outcome ?? ''}`)).toEqual([
      'github:acme/payments#88:build:payments/PR-88#2:1:exit 2026-03-09T09:10:40Z failure',
    ])
    pr['payments/PR-88'].builds.shift()
    const gone = await sync(storyConfig(), copy)
    // nothing says when it ended: its CI stay closes at the last instant known, its enter, as a failure
    expect(gone.events.map((event) => `${event.id} ${event.at} ${event.outcome ?? ''}`)).toEqual([
      'github:acme/payments#88:build:payments/PR-88#2:1:exit 2026-03-09T09:00:00Z failure',
    ])
    expect(gone.summary?.unjoined).toEqual([{ reason: 'build deleted (404)', count: 1 }])
  })
})

/** Copies the checkpoints of one store into another. */
const copyCheckpoints = async (
  from: ReturnType<typeof import('@herbie/core').memoryCheckpointStore>,
  to: ReturnType<typeof import('@herbie/core').memoryCheckpointStore>,
) => {
  const { CheckpointStore } = await import('@herbie/core')
  const { Effect, Option } = await import('effect')
  const key = 'jenkins/https://ci.acme.example/jenkins '
  await Effect.runPromise(
    Effect.gen(function* () {
      const source = yield* CheckpointStore
      const value = yield* source.get(key)
      return Option.getOrThrow(value)
    }).pipe(
      Effect.provide(from),
      Effect.flatMap((value) =>
        Effect.flatMap(CheckpointStore, (target) => target.set(key, value)).pipe(Effect.provide(to)),
      ),
    ),
  )
  return to
}
