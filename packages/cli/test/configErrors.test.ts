import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { herbieIn } from './support/run.js'

/** Runs `herbie sync` on a config: its exit code and its last line on stderr, the file's path as FILE. */
const sync = async (config: unknown) => {
  const dir = mkdtempSync(join(tmpdir(), 'herbie-config-errors-'))
  const file = join(dir, 'herbie.config.json')
  writeFileSync(file, JSON.stringify(config))
  const { code, stderr } = await herbieIn({ cwd: dir }, 'sync')
  return [code, stderr.split(file).join('FILE').trim().split('\n').at(-1)]
}
const github = (options: Record<string, unknown>) => ({
  sources: { gh: { adapter: 'github', options: { repositories: ['acme/api'], ...options } } },
})

describe('every shape of config mistake is one line naming the file and the key (exit 2)', () => {
  it('a string where a list is expected, in the config and in adapter options', async () => {
    expect(await sync({ sources: 'github' })).toEqual([
      2,
      'error: FILE: sources: expected an object, got "github"',
    ])
    expect(await sync(github({ repositories: 'acme/api' }))).toEqual([
      2,
      'error: 1 of 1 sources failed: [gh] FILE: sources.gh.options.repositories: expected a list, got "acme/api"',
    ])
    expect(await sync([])).toEqual([2, 'error: FILE: expected an object, got []'])
  })

  it('a source name that is not allowed', async () => {
    expect(await sync({ sources: { 'my source': { adapter: 'github' } } })).toEqual([
      2,
      'error: FILE: sources["my source"]: a source name is letters, digits, ., _ or -',
    ])
  })

  it('an unknown key, at the top and in a source', async () => {
    expect(await sync({ sourcse: { gh: { adapter: 'github' } } })).toEqual([
      2,
      'error: FILE: sourcse: unknown key (the keys are $schema, out, checkpoints, store, sources, correlation, upstream, check)',
    ])
    expect(await sync({ sources: { gh: { adapter: 'github', option: {} } } })).toEqual([
      2,
      'error: FILE: sources.gh.option: unknown key (the keys are adapter, options, stages)',
    ])
  })

  it('a wrong type deep in sources.NAME.options, and an optional key of the wrong type', async () => {
    expect(await sync(github({ perPage: 'ten' }))).toEqual([
      2,
      'error: 1 of 1 sources failed: [gh] FILE: sources.gh.options.perPage: expected a number, got "ten"',
    ])
    expect(await sync(github({ repositories: ['acme/api', 5] }))).toEqual([
      2,
      'error: 1 of 1 sources failed: [gh] FILE: sources.gh.options.repositories[1]: expected a string, got 5',
    ])
    expect(await sync({ out: 5, ...github({}) })).toEqual([2, 'error: FILE: out: expected a string, got 5'])
  })

  it("a union's alternatives read as one expectation", async () => {
    const [code, stderr] = await sync(github({ token: 5 }))
    expect([code, stderr]).toEqual([
      2,
      'error: 1 of 1 sources failed: [gh] FILE: sources.gh.options.token: expected a string, got 5',
    ])
    const [, stages] = await sync({ sources: { gh: { adapter: 'github', stages: { merged: 7 } } } })
    expect(stages).toBe('error: FILE: sources.gh.stages.merged: expected a string, got 7')
  })
})
