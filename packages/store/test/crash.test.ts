import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { EventStore } from '@herbie/core'
import { numberedEvent as numbered } from '@herbie/testkit'
import { Chunk, Effect, Stream } from 'effect'
import { describe, expect, it } from 'vitest'
import { layerEmbeddedStore } from '../src/index.js'
import { tempStore } from './support.js'

const fixture = fileURLToPath(new URL('fixtures/ingest.ts', import.meta.url))

/**
 * Starts the ingesting child and, after its fifth acknowledged batch, kills it with SIGKILL as soon
 * as the big batch's transaction has begun writing (SQLite's rollback journal exists).
 */
const killMidway = (path: string) =>
  new Promise<{ acked: number; signal: NodeJS.Signals | null; journal: boolean }>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fixture, path], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let acked = 0
    let journal = false
    let errors = ''
    child.stderr.on('data', (data: Buffer) => {
      errors += data.toString()
    })
    child.stdout.on('data', (data: Buffer) => {
      acked += (data.toString().match(/acked \d+/g) ?? []).length
      if (acked !== 5) return
      const started = Date.now()
      const poll = setInterval(() => {
        journal = existsSync(`${path}-journal`)
        if (journal || Date.now() - started > 30_000) {
          clearInterval(poll)
          child.kill('SIGKILL')
        }
      }, 5)
    })
    child.on('error', reject)
    child.on('exit', (_code, signal) =>
      acked >= 5 ? resolve({ acked, signal, journal }) : reject(new Error(errors)),
    )
  })

describe('crash safety', () => {
  it('a sync killed with SIGKILL mid-batch leaves every acknowledged batch and nothing of the next', {
    timeout: 120_000,
  }, async () => {
    const path = tempStore()
    const killed = await killMidway(path)
    expect(killed).toEqual({ acked: 5, signal: 'SIGKILL', journal: true })
    const after = await Effect.runPromise(
      Effect.provide(
        Effect.gen(function* () {
          const store = yield* EventStore
          const ids = Chunk.toArray(yield* Stream.runCollect(store.read())).map((event) => event.id)
          const again = yield* store.upsert([numbered(4_999), numbered(5_000)])
          return {
            count: ids.length,
            first: ids[0],
            last: ids.at(-1),
            again,
            version: yield* store.schemaVersion,
          }
        }),
        layerEmbeddedStore(path),
      ),
    )
    expect(after).toEqual({
      count: 5_000,
      first: 'ev-0000000',
      last: 'ev-0004999',
      again: { inserted: 1, alreadyPresent: 1 },
      version: 2,
    })
  })
})
