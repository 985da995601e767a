import { createServer } from 'node:net'
import { EventStore, type StoreError } from '@herbie/core'
import { numberedEvent as numbered } from '@herbie/testkit'
import { Cause, Effect, Exit, Logger, LogLevel, Option } from 'effect'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { postgresEventStore } from '../src/index.js'
import { server } from './support.js'

const closedPort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0))
    })
  })

/** Runs a program on the store at `url` with every log line (all levels) and console write kept. */
const observed = async <A>(url: string, program: Effect.Effect<A, StoreError, EventStore>) => {
  const logs: string[] = []
  const logger = Logger.make(({ message, cause }) => {
    logs.push(`${JSON.stringify(message)} ${Cause.pretty(cause)}`)
  })
  const printed: string[] = []
  for (const stream of [process.stdout, process.stderr]) {
    vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
      printed.push(String(chunk))
      return true
    })
  }
  const exit = await Effect.runPromiseExit(
    Effect.provide(program, postgresEventStore(url)).pipe(
      Effect.tapErrorCause(Effect.logError),
      Logger.withMinimumLogLevel(LogLevel.All),
      Effect.provide(Logger.replace(Logger.defaultLogger, logger)),
    ),
  )
  vi.restoreAllMocks()
  const error = Exit.isFailure(exit) ? Option.getOrUndefined(Cause.failureOption(exit.cause)) : undefined
  return { exit, error, logs, printed }
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe.skipIf(server === null)('errors name the store without its password', () => {
  const password = server?.password ?? ''
  const location = (url: string) => url.replace(password, '***')

  it('connection refused', async () => {
    const port = await closedPort()
    const url = `postgres://herbie:${password}@127.0.0.1:${port}/herbie`
    const { error } = await observed(url, Effect.void)
    expect(error?.message).toBe(
      `event store postgres://herbie:***@127.0.0.1:${port}/herbie: open failed: cannot connect: connect ECONNREFUSED 127.0.0.1:${port}`,
    )
  })

  it('a wrong password, and the password in no message, location or log line', async () => {
    const url = (server?.url ?? '').replace(password, `${password}x`)
    const wrong = await observed(url, Effect.void)
    expect(wrong.error?.message).toBe(
      `event store ${location(url).replace('***x', '***')}: open failed: cannot connect: password authentication failed for user "herbie" (28P01)`,
    )
    const right = await observed(
      server?.url ?? '',
      Effect.gen(function* () {
        const store = yield* EventStore
        yield* store.upsert([numbered(1)])
        yield* Effect.logDebug(`opened ${store.location}`)
        return store.location
      }),
    )
    expect(right.exit).toEqual(Exit.succeed(`postgres://herbie:***@127.0.0.1:${server?.port}/herbie`))
    const everything = [
      wrong.error?.message,
      wrong.error?.location,
      ...wrong.logs,
      ...wrong.printed,
      ...right.logs,
      ...right.printed,
    ].join('\n')
    expect(wrong.logs.length).toBeGreaterThan(0)
    expect(everything).not.toContain(password)
  })

  it('a text that is not a postgres URL is refused without being shown', async () => {
    const { error } = await observed(`host=127.0.0.1 password=${password}`, Effect.void)
    expect(error?.message).toBe(
      'event store postgres://(not a URL): open failed: the store URL is not a postgres:// (or postgresql://) URL',
    )
  })
})
