import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Effect, Exit, Layer, Option, Schema, Stream } from 'effect'
import { describe, expect, it } from 'vitest'
import {
  type BackfillItem,
  CheckpointStore,
  ConfigInvalid,
  decodeConfig,
  defineAdapter,
  FetchTransport,
  fileCheckpointStore,
  memoryCheckpointStore,
  runBackfill,
  type StageEventEncoded,
  syncAdapter,
  unjoinedSentence,
} from '../../src/index.js'

/** A source of 3 pages of 2 facts each; the checkpoint is the last page done. */
const PAGES = [
  ['a', 'b'],
  ['c', 'd'],
  ['e', 'f'],
]

const fake = defineAdapter({
  name: 'fake',
  config: Schema.Struct({ project: Schema.String, token: Schema.Redacted(Schema.String) }),
  checkpoint: Schema.Struct({ page: Schema.Number }),
  checkpointKey: (config) => config.project,
  stages: { 'ticket.started': 'develop' },
  backfill: (_config, checkpoint, stages) =>
    Stream.fromIterable(
      PAGES.slice(Option.match(checkpoint, { onNone: () => 0, onSome: (c) => c.page })),
    ).pipe(
      Stream.zipWithIndex,
      Stream.flatMap(([facts, index]) => {
        const page = Option.match(checkpoint, { onNone: () => 0, onSome: (c) => c.page }) + index + 1
        const events: BackfillItem<{ page: number }>[] = facts.map((fact) => ({
          _tag: 'Event',
          event: {
            id: `fake:${fact}`,
            itemId: `fake:${fact}`,
            stage: stages['ticket.started']!,
            type: 'enter',
            at: '2026-03-02T00:00:00Z',
            source: 'fake',
          },
        }))
        return Stream.fromIterable([...events, { _tag: 'Checkpoint', checkpoint: { page } } as const])
      }),
    ),
})

const config = { project: 'PAY', token: 'secret-token' }
const decoded = Effect.runSync(decodeConfig(fake, config))

const collector = (failOnBatch?: number) => {
  const written: StageEventEncoded[] = []
  let batches = 0
  const write = (events: ReadonlyArray<StageEventEncoded>) =>
    Effect.suspend(() => {
      batches++
      if (batches === failOnBatch) return Effect.fail('disk full' as const)
      written.push(...events)
      return Effect.void
    })
  return { written, write }
}

describe('runBackfill', () => {
  it('writes every event and stores the checkpoint after them', async () => {
    const { written, write } = collector()
    const store = memoryCheckpointStore()
    const program = Effect.gen(function* () {
      const summary = yield* runBackfill(fake, decoded, write)
      const saved = yield* (yield* CheckpointStore).get('fake/PAY')
      return { summary, saved }
    })
    const { summary, saved } = await Effect.runPromise(
      program.pipe(Effect.provide(Layer.merge(store, FetchTransport))),
    )
    expect(summary).toEqual({ events: 6, checkpoints: 3, unjoined: [] })
    expect(written.map((event) => event.id)).toEqual([
      'fake:a',
      'fake:b',
      'fake:c',
      'fake:d',
      'fake:e',
      'fake:f',
    ])
    expect(saved).toEqual(Option.some({ page: 3 }))
  })

  it('a second sync fetches only what came after the checkpoint', async () => {
    const { written, write } = collector()
    const layer = Layer.merge(memoryCheckpointStore({ 'fake/PAY': { page: 2 } }), FetchTransport)
    await Effect.runPromise(runBackfill(fake, decoded, write).pipe(Effect.provide(layer)))
    expect(written.map((event) => event.id)).toEqual(['fake:e', 'fake:f'])
  })

  it('an interrupted sync resumes with no event lost and none written twice', async () => {
    const store = memoryCheckpointStore()
    const layer = Layer.merge(store, FetchTransport)
    const first = collector(2)
    const program = (write: ReturnType<typeof collector>['write']) =>
      Effect.gen(function* () {
        const exit = yield* Effect.exit(runBackfill(fake, decoded, write))
        return exit
      })
    const both = await Effect.runPromise(
      Effect.gen(function* () {
        const exit = yield* program(first.write)
        const second = collector()
        yield* program(second.write)
        return { exit, second }
      }).pipe(Effect.provide(layer)),
    )
    expect(Exit.isFailure(both.exit)).toBe(true)
    const ids = [...first.written, ...both.second.written].map((event) => event.id)
    expect(ids).toEqual(['fake:a', 'fake:b', 'fake:c', 'fake:d', 'fake:e', 'fake:f'])
  })

  it('applies the user stage mapping over the default', async () => {
    const { written, write } = collector()
    await Effect.runPromise(
      runBackfill(fake, decoded, write, { 'ticket.started': 'build' }).pipe(
        Effect.provide(Layer.merge(memoryCheckpointStore(), FetchTransport)),
      ),
    )
    expect(new Set(written.map((event) => event.stage))).toEqual(new Set(['build']))
  })
})

describe('facts an adapter could not join', () => {
  const partial = defineAdapter({
    ...fake,
    name: 'partial',
    joinsTo: 'a pull request',
    backfill: () =>
      Stream.fromIterable<BackfillItem<{ page: number }>>([
        { _tag: 'Unjoined', reason: 'commit gone (422)', count: 1 },
        { _tag: 'Unjoined', reason: 'run deleted (404)', count: 1 },
        { _tag: 'Unjoined', reason: 'commit gone (422)', count: 1 },
        { _tag: 'Checkpoint', checkpoint: { page: 1 } },
      ]),
  })

  it('runBackfill adds them up by reason, in the order first seen; the sync still succeeds', async () => {
    const { write } = collector()
    const layer = Layer.merge(memoryCheckpointStore(), FetchTransport)
    const summary = await Effect.runPromise(runBackfill(partial, decoded, write).pipe(Effect.provide(layer)))
    expect(summary).toEqual({
      events: 0,
      checkpoints: 1,
      unjoined: [
        { reason: 'commit gone (422)', count: 2 },
        { reason: 'run deleted (404)', count: 1 },
      ],
    })
    expect(unjoinedSentence(summary.unjoined, partial.joinsTo)).toBe(
      '3 facts could not be joined to a pull request: 2 commit gone (422), 1 run deleted (404)',
    )
  })

  it('the sentence is singular for one fact, generic without joinsTo, and absent when all joined', () => {
    expect(unjoinedSentence([{ reason: 'pipeline deleted (404)', count: 1 }])).toBe(
      '1 fact could not be joined to a work item: 1 pipeline deleted (404)',
    )
    expect(unjoinedSentence([])).toBeUndefined()
  })
})

describe('decodeConfig', () => {
  it('names the invalid field', async () => {
    const exit = await Effect.runPromiseExit(decodeConfig(fake, { project: 'PAY' }))
    expect(Exit.isFailure(exit) && exit.cause._tag === 'Fail' && exit.cause.error).toEqual(
      new ConfigInvalid({ adapter: 'fake', field: 'token', reason: 'is missing' }),
    )
  })

  it('keeps secrets redacted', () => {
    expect(String(decoded.token)).not.toContain('secret-token')
  })
})

describe('fileCheckpointStore', () => {
  it('round-trips checkpoints as files and reports none for a new key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'herbie-checkpoints-'))
    const program = Effect.gen(function* () {
      const store = yield* CheckpointStore
      const before = yield* store.get('github/acme/payments')
      yield* store.set('github/acme/payments', { since: '2026-03-05T00:00:00Z' })
      const after = yield* store.get('github/acme/payments')
      return { before, after }
    })
    const { before, after } = await Effect.runPromise(program.pipe(Effect.provide(fileCheckpointStore(dir))))
    expect(before).toEqual(Option.none())
    expect(after).toEqual(Option.some({ since: '2026-03-05T00:00:00Z' }))
    expect(readdirSync(dir)).toEqual(['github_acme_payments.json'])
    expect(JSON.parse(readFileSync(join(dir, 'github_acme_payments.json'), 'utf8'))).toEqual({
      since: '2026-03-05T00:00:00Z',
    })
  })
})

describe('syncAdapter (the promise API hosts run plugins with)', () => {
  it('writes the events, keeps checkpoints in files, and a second run resumes past them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'herbie-sync-adapter-'))
    const written: string[] = []
    const host = {
      write: async (events: ReadonlyArray<StageEventEncoded>) =>
        void written.push(...events.map((e) => e.id)),
      checkpoints: dir,
    }
    expect(await syncAdapter(fake, config, host)).toEqual({ events: 6, checkpoints: 3, unjoined: [] })
    expect(written).toEqual(['fake:a', 'fake:b', 'fake:c', 'fake:d', 'fake:e', 'fake:f'])
    expect(readdirSync(dir)).toEqual(['fake_PAY.json'])
    expect(await syncAdapter(fake, config, host)).toEqual({ events: 0, checkpoints: 0, unjoined: [] })
  })

  it('applies stage overrides and rejects with the typed error itself', async () => {
    const stages: string[] = []
    const host = {
      write: async (events: ReadonlyArray<StageEventEncoded>) =>
        void stages.push(...events.map((e) => e.stage)),
      checkpoints: mkdtempSync(join(tmpdir(), 'herbie-sync-adapter-')),
      stages: { 'ticket.started': 'build' },
    }
    await syncAdapter(fake, config, host)
    expect(new Set(stages)).toEqual(new Set(['build']))
    const error = await syncAdapter(fake, { project: 'PAY' }, host).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ConfigInvalid)
    expect((error as ConfigInvalid).field).toBe('token')
  })

  it('a write that rejects stops the sync before the checkpoint after it is stored', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'herbie-sync-adapter-'))
    const failing = { write: async () => Promise.reject(new Error('disk full')), checkpoints: dir }
    await expect(syncAdapter(fake, config, failing)).rejects.toThrow('disk full')
    expect(readdirSync(dir, { recursive: true }).filter((name) => String(name).endsWith('.json'))).toEqual([])
  })
})
