import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { exec } from './support/run.js'

const PACKAGE = fileURLToPath(new URL('..', import.meta.url))
const { version } = JSON.parse(readFileSync(join(PACKAGE, 'package.json'), 'utf8')) as { version: string }
const dir = mkdtempSync(join(tmpdir(), 'herbie-install-'))
const prefix = join(dir, 'prefix')

/** The environment of a user's shell: no npm or pnpm settings inherited from the test run, no network cache of ours. */
const env: Record<string, string | undefined> = {
  ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_'))),
  npm_config_cache: join(dir, 'npm-cache'),
  npm_config_update_notifier: 'false',
  NO_COLOR: '1',
}
const run = (command: string, args: string[], cwd = dir, extraPath?: string) =>
  exec(command, args, {
    cwd,
    env: extraPath === undefined ? env : { ...env, PATH: `${extraPath}${delimiter}${env.PATH ?? ''}` },
  })

let tarball = ''
beforeAll(async () => {
  const packed = await run('pnpm', ['pack', '--pack-destination', dir], PACKAGE)
  expect(packed.code, packed.stderr).toBe(0)
  tarball = join(dir, readdirSync(dir).find((name) => name.endsWith('.tgz'))!)
}, 120_000)

describe('the packed @herbie/cli, installed as users do, with no network', () => {
  it('installs alone from its tarball: the bin bundles everything it runs', async () => {
    const installed = await run('npm', [
      'install',
      '--global',
      '--prefix',
      prefix,
      '--offline',
      '--no-audit',
      '--no-fund',
      tarball,
    ])
    expect(installed.code, installed.stderr).toBe(0)
    const root = join(prefix, 'lib', 'node_modules', '@herbie', 'cli')
    expect(readdirSync(root).sort()).toEqual(['README.md', 'bin', 'data', 'dist', 'package.json'])
    expect(existsSync(join(root, 'node_modules'))).toBe(false)
  })

  it('herbie --version and herbie demo run from PATH', async () => {
    const bin = join(prefix, 'bin')
    const printed = await run('herbie', ['--version'], dir, bin)
    expect([printed.code, printed.stdout]).toEqual([0, `${version}\n`])
    const demo = await run('herbie', ['demo'], dir, bin)
    expect(demo.code, demo.stderr).toBe(0)
    expect(demo.stdout).toContain('The constraint is review')
  })

  it('the installed herbie keeps events in its embedded store (SQLite as WebAssembly, beside the bundle)', async () => {
    const bin = join(prefix, 'bin')
    const project = mkdtempSync(join(dir, 'project-'))
    const event = {
      id: 'a',
      itemId: 'jira:PAY-1',
      stage: 'develop',
      type: 'enter',
      at: '2026-03-02T09:00:00.000Z',
      source: 'jira',
    }
    writeFileSync(join(project, 'events.ndjson'), `${JSON.stringify(event)}\n`)
    const imported = await run('herbie', ['import', 'events.ndjson'], project, bin)
    expect([imported.code, imported.stderr]).toEqual([
      0,
      `imported events.ndjson into ${join(project, '.herbie', 'events.sqlite')}: 1 events new, 0 already there\n`,
    ])
    const listed = await run('herbie', ['events'], project, bin)
    expect([listed.code, listed.stdout]).toEqual([0, `${JSON.stringify(event)}\n`])
  })

  it('runs with npx from the tarball', async () => {
    const npx = await run('npm', [
      'exec',
      '--offline',
      '--yes',
      '--package',
      tarball,
      '--',
      'herbie',
      '--version',
    ])
    expect([npx.code, npx.stdout]).toEqual([0, `${version}\n`])
  })
})
