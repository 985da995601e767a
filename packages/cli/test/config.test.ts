import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFakeBitbucket } from './support/fakeBitbucket.js'
import { startFakeGithub } from './support/fakeGithub.js'
import { herbieIn } from './support/run.js'

const PLUGIN = fileURLToPath(new URL('../../../examples/plugin-bitbucket', import.meta.url))
const env = { HERBIE_TEST_GH: 'ghs_loopbacktoken000', HERBIE_TEST_BB: 'bb-loopback-token' }

/** A project folder with the example plugin installed in node_modules, as `npm install` would. */
const project = (config: unknown, name = 'herbie.config.json') => {
  const dir = mkdtempSync(join(tmpdir(), 'herbie-config-'))
  mkdirSync(join(dir, 'node_modules'))
  symlinkSync(PLUGIN, join(dir, 'node_modules', 'herbie-plugin-bitbucket'), 'dir')
  writeFileSync(join(dir, name), typeof config === 'string' ? config : JSON.stringify(config, null, 2))
  return dir
}
const lines = (file: string) =>
  readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { itemId: string; stage: string; source: string })

describe('herbie sync from herbie.config.json, with a plugin loaded by package name', () => {
  let github: Awaited<ReturnType<typeof startFakeGithub>>
  let bitbucket: Awaited<ReturnType<typeof startFakeBitbucket>>
  const config = () => ({
    out: 'events.ndjson',
    sources: {
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
    },
  })
  beforeAll(async () => {
    github = await startFakeGithub()
    bitbucket = await startFakeBitbucket(env.HERBIE_TEST_BB)
  })
  afterAll(async () => {
    await github.close()
    await bitbucket.close()
  })

  it('syncs every source into one file, with progress per source; a re-run writes nothing twice', async () => {
    const dir = project(config())
    const first = await herbieIn({ cwd: dir, env }, 'sync')
    expect(first.stderr).toMatch(
      /^\[payments\] page http:\/\/127\.0\.0\.1:\d+\/api\/v3\/repos\/acme\/payments\/pulls/m,
    )
    expect(first.stderr).toMatch(
      /^\[mobile\] page http:\/\/127\.0\.0\.1:\d+\/2\.0\/repositories\/acme\/mobile\/pullrequests/m,
    )
    expect(first.stderr).toMatch(/^\[payments\] synced with github: \d+ pages, 27 events$/m)
    expect(first.stderr).toMatch(/^\[mobile\] synced with bitbucket: 6 pages, 8 events$/m)
    expect(first.stderr).toContain(
      `synced 2 of 2 sources: 35 events written to ${join(dir, 'events.ndjson')}, 0 already there`,
    )
    expect(first.code).toBe(0)
    const events = lines(join(dir, 'events.ndjson'))
    expect(events.filter((event) => event.source === 'github')).toHaveLength(27)
    expect(
      [
        ...new Set(events.filter((event) => event.source === 'bitbucket').map((event) => event.itemId)),
      ].sort(),
    ).toEqual(['bitbucket:acme/mobile#11', 'bitbucket:acme/mobile#12', 'bitbucket:acme/mobile#14'])
    const second = await herbieIn({ cwd: dir, env }, 'sync')
    expect(second.code).toBe(0)
    expect(second.stderr).toContain('synced 2 of 2 sources: 0 events written')
    expect(lines(join(dir, 'events.ndjson'))).toHaveLength(35)
  })

  it('applies the stage overrides of a source, and --source syncs only the sources named', async () => {
    const custom = config()
    custom.sources.mobile.stages = {
      'pullrequest.awaiting-review': 'review-queue',
      'pullrequest.in-review': 'code-review',
    }
    const dir = project(custom)
    const { code, stderr } = await herbieIn(
      { cwd: dir, env },
      'sync',
      '--source',
      'mobile',
      '--out',
      'mobile.ndjson',
    )
    expect(code).toBe(0)
    expect(stderr).not.toContain('[payments]')
    const stages = new Set(lines(join(dir, 'mobile.ndjson')).map((event) => event.stage))
    expect([...stages].sort()).toEqual(['code-review', 'done', 'review-queue'])
  })

  it('reads an ES module config given with --config', async () => {
    const dir = project(
      `export default ${JSON.stringify({ ...config(), out: 'from-module.ndjson' })}\n`,
      'herbie.config.mjs',
    )
    const { code } = await herbieIn(
      { cwd: tmpdir(), env },
      'sync',
      '--config',
      join(dir, 'herbie.config.mjs'),
      '--source',
      'payments',
    )
    expect(code).toBe(0)
    expect(lines(join(dir, 'from-module.ndjson'))).toHaveLength(27)
  })

  it('a failing source does not stop the others; the command fails naming it (exit 1)', async () => {
    const dir = project(config())
    const { code, stderr } = await herbieIn({ cwd: dir, env: { ...env, HERBIE_TEST_BB: 'expired' } }, 'sync')
    expect(stderr).toMatch(/^\[mobile\] failed: bitbucket: authentication failed \(401\)/m)
    expect(stderr).toContain('synced 1 of 2 sources: 27 events written')
    expect(stderr).toMatch(/^error: 1 of 2 sources failed: \[mobile\] bitbucket: authentication failed/m)
    expect(stderr).not.toContain('expired')
    expect(code).toBe(1)
  })
})

describe('herbie sync: a config that cannot be used is bad input (exit 2) naming the file and the field', () => {
  const run = async (config: unknown, extraEnv: Record<string, string> = {}) => {
    const dir = project(config)
    const result = await herbieIn({ cwd: dir, env: extraEnv }, 'sync')
    return { ...result, file: join(dir, 'herbie.config.json') }
  }
  const github = { adapter: 'github', options: { repositories: ['acme/payments'] } }

  it('no config file here', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'herbie-empty-'))
    const { code, stderr } = await herbieIn({ cwd: dir }, 'sync')
    expect(code).toBe(2)
    expect(stderr.trim()).toBe(
      `error: ${dir}: no herbie.config.json, herbie.config.mjs, herbie.config.js here; write one (see docs/config.md) or pass --config FILE`,
    )
  })

  it('a JSON syntax error, with its line and column', async () => {
    const { code, stderr, file } = await run('{\n  "sources": {\n    "a": { "adapter": "github", }\n  }\n}\n')
    expect(code).toBe(2)
    expect(stderr.trim()).toMatch(new RegExp(`^error: ${file}: not valid JSON at line 3, column \\d+: `))
  })

  it('a wrong field', async () => {
    const { code, stderr, file } = await run({ sources: { payments: { options: {} } } })
    expect(code).toBe(2)
    expect(stderr.trim()).toBe(`error: ${file}: sources.payments.adapter: is missing`)
  })

  it('an environment variable that is not set', async () => {
    const { code, stderr, file } = await run({
      sources: {
        payments: {
          adapter: 'github',
          options: { repositories: ['a/b'], token: { env: 'HERBIE_UNSET_VAR' } },
        },
      },
    })
    expect(code).toBe(2)
    expect(stderr.trim()).toBe(
      `error: ${file}: sources.payments.options.token: environment variable HERBIE_UNSET_VAR is not set`,
    )
  })

  it('a plugin that is not installed, before anything is synced', async () => {
    const { code, stderr, file } = await run({
      sources: { payments: github, jira: { adapter: 'herbie-plugin-nowhere' } },
    })
    expect(code).toBe(2)
    expect(stderr.trim()).toMatch(
      new RegExp(
        `^error: ${file}: sources\\.jira\\.adapter: cannot find the package herbie-plugin-nowhere from .*; install it there`,
      ),
    )
    expect(stderr).not.toContain('page ')
  })

  it('a package that exports no adapter under that name', async () => {
    const { code, stderr, file } = await run({
      sources: { mobile: { adapter: 'herbie-plugin-bitbucket#nothing' } },
    })
    expect(code).toBe(2)
    expect(stderr.trim()).toBe(
      `error: ${file}: sources.mobile.adapter: herbie-plugin-bitbucket exports no adapter named nothing`,
    )
  })

  it('options the plugin refuses, named by its own schema, at their key in the file', async () => {
    const { code, stderr, file } = await run({
      sources: {
        mobile: { adapter: 'herbie-plugin-bitbucket', options: { repositories: ['nope'], token: 't' } },
      },
    })
    expect(code).toBe(2)
    expect(stderr).toContain(
      `\nerror: 1 of 1 sources failed: [mobile] ${file}: sources.mobile.options.repositories[0]: a repository is written WORKSPACE/REPO\n`,
    )
  })

  it('a source name that is not in the config', async () => {
    const dir = project({ sources: { payments: github } })
    const { code, stderr } = await herbieIn({ cwd: dir }, 'sync', '--source', 'mobile')
    expect(code).toBe(2)
    expect(stderr.trim()).toBe(
      `error: ${join(dir, 'herbie.config.json')}: sources: no source named mobile (the sources are payments)`,
    )
  })
})
