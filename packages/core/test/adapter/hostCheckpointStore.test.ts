import { Effect, Either, Option } from 'effect'
import { describe, expect, it } from 'vitest'
import { CheckpointStore, hostCheckpointStore } from '../../src/adapter/checkpoint/CheckpointStore.js'
import { isStageEvent } from '../../src/event/validate.js'

describe('hostCheckpointStore', () => {
  it('keeps checkpoints where the host says, none when it has nothing, its failures named by key', async () => {
    const kept = new Map<string, unknown>()
    const layer = hostCheckpointStore({
      get: async (key) => kept.get(key),
      set: async (key, value) => {
        if (key === 'broken') throw new Error('disk full')
        kept.set(key, value)
      },
    })
    const result = await Effect.runPromise(
      Effect.provide(
        Effect.gen(function* () {
          const store = yield* CheckpointStore
          const before = yield* store.get('github/acme/api')
          yield* store.set('github/acme/api', { page: 2 })
          const failed = yield* Effect.either(store.set('broken', 1))
          return {
            before,
            after: yield* store.get('github/acme/api'),
            failed: Either.isLeft(failed) ? failed.left.message : '',
          }
        }),
        layer,
      ),
    )
    expect(result).toEqual({
      before: Option.none(),
      after: Option.some({ page: 2 }),
      failed: 'checkpoint broken: disk full',
    })
  })
})

describe('isStageEvent', () => {
  it('accepts what validateEvent accepts and nothing else', () => {
    const event = {
      id: 'a',
      itemId: 'x',
      stage: 'ci',
      type: 'exit',
      at: '2026-01-01T00:00:00Z',
      source: 'gh',
    }
    expect([isStageEvent(event), isStageEvent({ ...event, type: 'left' }), isStageEvent('a')]).toEqual([
      true,
      false,
      false,
    ])
  })
})
