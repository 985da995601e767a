import { Effect, Either, Exit, Schema } from 'effect'
import { HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  collectPages,
  decodeBody,
  FetchTransport,
  getJson,
  goneStatus,
  type HttpSettings,
  itemsOf,
  NotFound,
  RequestRejected,
  Transient,
  unlessGone,
} from '../../src/index.js'

const BASE = 'https://gitlab.example.test/api/v4'
const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())
const settings: HttpSettings = { source: 'gitlab', baseUrl: BASE, retries: 0 }
const Item = Schema.Struct({ id: Schema.Number, created_at: Schema.String })

describe('decodeBody', () => {
  it('names the source, the endpoint and the JSON path of the first wrong field', async () => {
    const exit = await Effect.runPromiseExit(
      decodeBody('gitlab', Schema.Array(Item), 'GET /projects/4821/pipelines', [
        { id: 1, created_at: 'x' },
        { id: '2', created_at: 'y' },
      ]),
    )
    expect(Exit.isFailure(exit) && exit.cause._tag === 'Fail' && exit.cause.error).toMatchObject({
      _tag: 'MalformedPayload',
      source: 'gitlab',
      path: 'GET /projects/4821/pipelines $[1].id',
      reason: 'Expected number, actual "2"',
    })
  })
})

describe('collectPages', () => {
  it('decodes every page of an X-Next-Page listing and collects the items', async () => {
    server.use(
      http.get(`${BASE}/items`, ({ request }) => {
        const page = Number(new URL(request.url).searchParams.get('page') ?? '1')
        return HttpResponse.json([{ id: page, created_at: 't' }], {
          headers: { 'x-next-page': page < 3 ? String(page + 1) : '' },
        })
      }),
    )
    const items = await Effect.runPromise(
      collectPages(settings, '/items', {}, { kind: 'next-page-header' }, Schema.Array(Item)).pipe(
        Effect.provide(FetchTransport),
      ),
    )
    expect(items.map((item) => item.id)).toEqual([1, 2, 3])
  })
})

describe('unlessGone', () => {
  it('a 404 on a detail request is Left with the reason; other failures still fail', async () => {
    server.use(
      http.get(`${BASE}/gone`, () => HttpResponse.json({ message: '404 Not found' }, { status: 404 })),
      http.get(`${BASE}/down`, () => HttpResponse.json({ message: 'down' }, { status: 503 })),
    )
    const gone = await Effect.runPromise(
      unlessGone(getJson(settings, '/gone'), 'pipeline deleted').pipe(Effect.provide(FetchTransport)),
    )
    expect(gone).toEqual(Either.left('pipeline deleted (404)'))
    const down = await Effect.runPromiseExit(
      unlessGone(getJson(settings, '/down'), 'pipeline deleted').pipe(Effect.provide(FetchTransport)),
    )
    expect(Exit.isFailure(down) && down.cause._tag === 'Fail' && down.cause.error._tag).toBe('Transient')
  })

  it('goneStatus: 404, 410 and 422 say the subject is gone, nothing else does', () => {
    const url = `${BASE}/x`
    expect(goneStatus(new NotFound({ source: 'gitlab', url }))).toBe(404)
    expect(goneStatus(new RequestRejected({ source: 'gitlab', url, status: 422, reason: '' }))).toBe(422)
    expect(goneStatus(new RequestRejected({ source: 'gitlab', url, status: 410, reason: '' }))).toBe(410)
    expect(
      goneStatus(new RequestRejected({ source: 'gitlab', url, status: 400, reason: '' })),
    ).toBeUndefined()
    expect(goneStatus(new Transient({ source: 'gitlab', url, reason: '' }))).toBeUndefined()
  })
})

describe('itemsOf', () => {
  it('events first, then one Unjoined count per reason', () => {
    const event = {
      id: 'a:enter',
      itemId: 'a',
      stage: 'ci',
      type: 'enter' as const,
      at: '2026-03-10T11:00:00Z',
      source: 'gitlab',
    }
    expect(itemsOf([event], ['commit gone (404)', 'commit gone (404)'])).toEqual([
      { _tag: 'Event', event },
      { _tag: 'Unjoined', reason: 'commit gone (404)', count: 1 },
      { _tag: 'Unjoined', reason: 'commit gone (404)', count: 1 },
    ])
  })
})
