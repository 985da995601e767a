import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { exec, twoItems } from './support/run.js'

const ROOT = fileURLToPath(new URL('../../../', import.meta.url))
const README = readFileSync(join(ROOT, 'README.md'), 'utf8')

/** The commands of the README's `sh` blocks, one per line, without their trailing comments. */
const shellCommands = (markdown: string): string[] =>
  [...markdown.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].flatMap((block) =>
    block[1]!
      .split('\n')
      .map((line) => line.replace(/\s+#.*$/, '').trim())
      .filter((line) => line !== ''),
  )

// A folder inside the clone (scratch/ is ignored), as a user's own folder would be: pnpm finds
// the workspace's `herbie` from there.
mkdirSync(join(ROOT, 'scratch'), { recursive: true })
const dir = mkdtempSync(join(ROOT, 'scratch', 'readme-'))
writeFileSync(join(dir, 'events.ndjson'), `${twoItems.join('\n')}\n`)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const run = (command: string, cwd: string) => exec('bash', ['-c', command], { cwd, timeout: 60_000 })

describe('the README', () => {
  const json = shellCommands(README).filter(
    (command) => command.startsWith('pnpm herbie') && command.includes('--json'),
  )

  it('documents a --json command', () => {
    expect(json.length).toBeGreaterThan(0)
  })

  it.each(json)('%s prints nothing but the JSON report on stdout', async (command) => {
    const { code, stdout } = await run(command, dir)
    expect(code).toBe(0)
    const report = JSON.parse(stdout)
    expect(report.items).toEqual({ total: 2, completed: 2, inProgress: 0, abandoned: 0 })
    expect(report.window.from).toBe('2026-03-02T00:00:00.000Z')
  })

  it('says where the sample lives, and analyses it as printed, from the root of the clone', async () => {
    const [command] = shellCommands(README).filter((line) =>
      line.includes('packages/cli/data/demo.ndjson.gz'),
    )
    expect(command).toBe('pnpm herbie analyze --events packages/cli/data/demo.ndjson.gz')
    const { code, stdout } = await run(command!, ROOT)
    expect(code).toBe(0)
    expect(stdout).toContain('The constraint is review')
  })

  it('goes from the demo to your own repository in three commands: sync, analyze, export', () => {
    const start = README.indexOf('## From the demo to your own repository')
    const steps = shellCommands(README.slice(start, README.indexOf('\n## ', start + 1)))
    expect(steps.map((line) => line.split(' ').slice(0, 3).join(' '))).toEqual([
      'pnpm herbie sync',
      'pnpm herbie analyze',
      'pnpm herbie export',
    ])
    expect(steps[0]).toContain('--out events.ndjson')
    for (const step of steps.slice(1)) expect(step).toContain('--events events.ndjson')
  })

  it('pnpm herbie passes the exit code and the error through, and nothing else', async () => {
    const { code, stdout, stderr } = await run('pnpm herbie analyze --events missing.ndjson', dir)
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr.trim().split('\n')).toHaveLength(1)
  })
})
