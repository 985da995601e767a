import { existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFakeBitbucket } from './support/fakeBitbucket.js'
import { startFakeGithub } from './support/fakeGithub.js'
import { herbieIn } from './support/run.js'

const PLUGIN = fileURLToPath(new URL('../../../examples/plugin-bitbucket', import.meta.url))
const env = { HERBIE_TEST_GH: 'ghs_loopbacktoken000', HERBIE_TEST_BB: 'bb-loopback-token' }

describe('herbie sync into the event store', () => {
  let github: Awaited<ReturnType<typeof startFakeGithub>>
  let bitbucket: Awaited<ReturnType<typeof startFakeBitbucket>>
  /** A project whose config names no `out`: sync writes into the store. */
  const project = () => {
    const dir = mkdtempSync(join(tmpdir(), 'herbie-sync-store-'))
    mkdirSync(join(dir, 'node_modules'))
    symlinkSync(PLUGIN, join(dir, 'node_modules', 'herbie-plugin-bitbucket'), 'dir')
    const sources = {
      payments: {
        adapter: 'github',
        options: {
          repositories: ['acme/payments'],
          baseUrl: github.baseUrl,
          token: { env: 'HERBIE_TEST_GH' },
        },
      },
      mobile: {
        adapter: 'herbie-plugin-bitbucket',
        options: {
          repositories: ['acme/mobile'],
          baseUrl: bitbucket.baseUrl,
          token: { env: 'HERBIE_TEST_BB' },
        },
        stages: { 'pullrequest.awaiting-review': 'review-queue', 'pullrequest.in-review': 'review' },
      },
    }
    writeFileSync(join(dir, 'herbie.config.json'), JSON.stringify({ sources }, null, 2))
    return dir
  }
  beforeAll(async () => {
    github = await startFakeGithub()
    bitbucket = await startFakeBitbucket(env.HERBIE_TEST_BB)
  })
  afterAll(async () => {
    await github.close()
    await bitbucket.close()
  })

  it('writes events and checkpoints into .herbie/events.sqlite; a second sync writes nothing twice', async () => {
    const dir = project()
    const store = join(dir, '.herbie', 'events.sqlite')
    const first = await herbieIn({ cwd: dir, env }, 'sync')
    expect(first.code, first.stderr).toBe(0)
    expect(first.stderr).toContain(`synced 2 of 2 sources: 35 events written to ${store}, 0 already there`)
    expect(existsSync(join(dir, '.herbie', 'checkpoints'))).toBe(false)
    const second = await herbieIn({ cwd: dir, env }, 'sync')
    expect(second.stderr).toContain(`synced 2 of 2 sources: 0 events written to ${store}`)
    const listed = await herbieIn({ cwd: dir }, 'events')
    expect(listed.stdout.trim().split('\n')).toHaveLength(35)
  })

  it('analyze without --events reads the store and gives the report the same sync gives from a file', async () => {
    const dir = project()
    expect((await herbieIn({ cwd: dir, env }, 'sync')).code).toBe(0)
    expect((await herbieIn({ cwd: dir, env }, 'sync', '--out', 'events.ndjson')).code).toBe(0)
    const fromStore = await herbieIn({ cwd: dir }, 'analyze', '--json')
    const fromFile = await herbieIn({ cwd: dir }, 'analyze', '--json', '--events', 'events.ndjson')
    expect([fromStore.code, fromStore.stderr]).toEqual([0, ''])
    expect(JSON.parse(fromStore.stdout)).toEqual(JSON.parse(fromFile.stdout))
    expect(JSON.parse(fromStore.stdout).items.total).toBeGreaterThan(0)
  })
})
