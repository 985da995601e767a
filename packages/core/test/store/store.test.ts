import { Chunk, Effect, Either, Layer, Option, Stream } from 'effect'
import { describe, expect, it } from 'vitest'
import { CheckpointStore } from '../../src/adapter/checkpoint/CheckpointStore.js'
import { EventStore } from '../../src/store/EventStore.js'
import { makeEventStore } from '../../src/store/makeEventStore.js'
import { layerMemoryEventStore, makeMemoryEventStore } from '../../src/store/memoryEventStore.js'
import { storeCheckpoints } from '../../src/store/storeCheckpoints.js'

describe('event store helpers', () => {
  it('syncs keep their checkpoints in the event store through storeCheckpoints', async () => {
    const memory = makeMemoryEventStore()
    const layer = storeCheckpoints.pipe(Layer.provide(Layer.succeed(EventStore, memory)))
    await Effect.runPromise(
      Effect.provide(
        Effect.flatMap(CheckpointStore, (checkpoints) => checkpoints.set('jira/OPS', { updated: 5 })),
        layer,
      ),
    )
    expect(await Effect.runPromise(memory.checkpoint('jira/OPS'))).toEqual(Option.some({ updated: 5 }))
  })

  it('a stored line that is not a stage event fails the read naming the store and the field', async () => {
    const store = makeEventStore({
      ...makeMemoryEventStore('/tmp/events.sqlite'),
      lines: () =>
        Stream.make(
          '{"id":"a","itemId":"x","stage":"review","type":"enter","at":"yesterday","source":"jira"}',
        ),
    })
    const result = await Effect.runPromise(Effect.either(Stream.runCollect(store.read())))
    expect(Either.isLeft(result) && result.left.message).toBe(
      'event store /tmp/events.sqlite: read failed: a stored event is not a stage event (at: bad timestamp "yesterday": expected ISO-8601 with an offset)',
    )
  })

  it('every program provided with one memory layer sees the same events', async () => {
    const layer = layerMemoryEventStore()
    const event = {
      id: 'a',
      itemId: 'x',
      stage: 'review',
      type: 'enter',
      at: '2025-01-01T00:00:00Z',
      source: 'jira',
    } as const
    await Effect.runPromise(
      Effect.provide(
        Effect.flatMap(EventStore, (store) => store.upsert([event])),
        layer,
      ),
    )
    const read = await Effect.runPromise(
      Effect.provide(
        Effect.flatMap(EventStore, (store) => Stream.runCollect(store.read())),
        layer,
      ),
    )
    expect(Chunk.toArray(read)).toEqual([event])
  })
})
