import { createServer } from 'node:net'
import { Effect, Layer } from 'effect'
import { describe, expect, it } from 'vitest'
import { FetchTransport, getJson, HttpTransport, type Transient } from '../../src/index.js'

/** A transport whose fetch fails as Node's does when no connection can be made. */
const failing = (code: string) =>
  Layer.succeed(HttpTransport, {
    fetch: () =>
      Promise.reject(new TypeError('fetch failed', { cause: Object.assign(new Error(code), { code }) })),
  })

const fail = (baseUrl: string, transport: Layer.Layer<HttpTransport>) =>
  Effect.runPromise(
    Effect.flip(getJson({ source: 'github', baseUrl, retries: 1, backoffMs: 1 }, '/repos/a/b')).pipe(
      Effect.provide(transport),
    ),
  )

describe('a host that cannot be reached is named, with why in words', () => {
  it.each([
    ['ECONNREFUSED', 'could not reach api.github.com: connection refused'],
    ['ENOTFOUND', 'could not reach api.github.com: no such host (DNS lookup failed)'],
    ['ECONNRESET', 'could not reach api.github.com: connection reset'],
  ])('%s', async (code, message) => {
    const error = (await fail('https://api.github.com', failing(code))) as Transient
    expect(error._tag).toBe('Transient')
    expect(error.message).toBe(message)
    expect(error.url).toBe('https://api.github.com/repos/a/b')
  })

  it('a real refused connection on loopback', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const address = probe.address()
        probe.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0))
      })
    })
    const error = await fail(`http://127.0.0.1:${port}`, FetchTransport)
    expect(error.message).toBe(`could not reach 127.0.0.1:${port}: connection refused`)
  })
})
