import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const BIN = fileURLToPath(new URL('../../dist/bin.js', import.meta.url))

/** Runs the built `herbie` binary as a user would and captures what it printed. */
export const herbie = (...args: string[]) => {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

/** Writes files into a fresh temporary folder and returns their paths. */
export const files = (contents: Record<string, string | Buffer>): Record<string, string> => {
  const dir = mkdtempSync(join(tmpdir(), 'herbie-cli-'))
  return Object.fromEntries(
    Object.entries(contents).map(([name, content]) => {
      const path = join(dir, name)
      writeFileSync(path, content)
      return [name, path]
    }),
  )
}

const T0 = Date.parse('2026-03-02T00:00:00Z')
const at = (hours: number) => new Date(T0 + hours * 3_600_000).toISOString()

/** One event line `hours` after 2026-03-02T00:00Z. */
export const line = (
  itemId: string,
  stage: string,
  type: 'enter' | 'exit',
  hours: number,
  extra: object = {},
) =>
  JSON.stringify({
    id: `${itemId}/${stage}/${type}/${hours}`,
    itemId,
    stage,
    type,
    at: at(hours),
    source: 'test',
    ...extra,
  })

/** Two items through develop → review-queue → review → done (A: 1 h wait, B: 3 h wait). */
export const twoItems = [
  line('A', 'develop', 'enter', 0),
  line('A', 'develop', 'exit', 4),
  line('A', 'review-queue', 'enter', 4),
  line('A', 'review-queue', 'exit', 5),
  line('A', 'review', 'enter', 5),
  line('A', 'review', 'exit', 6),
  line('A', 'done', 'enter', 6),
  line('B', 'develop', 'enter', 1),
  line('B', 'develop', 'exit', 3),
  line('B', 'review-queue', 'enter', 3),
  line('B', 'review-queue', 'exit', 6),
  line('B', 'review', 'enter', 6),
  line('B', 'review', 'exit', 8),
  line('B', 'done', 'enter', 8),
]

/**
 * Runs any command without blocking the test worker (a long `npm install` or `herbie demo` in a
 * blocking call starves vitest's own messages under load), killed after `timeout` ms.
 */
export const exec = (
  command: string,
  args: ReadonlyArray<string>,
  options: { readonly cwd?: string; readonly env?: NodeJS.ProcessEnv; readonly timeout?: number } = {},
) =>
  new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(command, args, {
      ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
      env: options.env ?? process.env,
      timeout: options.timeout ?? 120_000,
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => {
      stdout += chunk
    })
    child.stderr.on('data', (chunk) => {
      stderr += chunk
    })
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })

/** Runs the built binary without blocking the test process (so an in-process server can answer). */
export const herbieAsync = (env: Record<string, string>, ...args: string[]) => herbieIn({ env }, ...args)

/** Runs the built binary in a folder, with extra environment variables, without blocking. */
export const herbieIn = (
  { cwd, env = {} }: { readonly cwd?: string; readonly env?: Record<string, string> },
  ...args: string[]
) =>
  exec(process.execPath, [BIN, ...args], {
    env: { ...process.env, NO_COLOR: '1', ...env },
    ...(cwd === undefined ? {} : { cwd }),
  })

/** An event as a sync wrote it, with the fields the tests read. */
export interface WrittenEvent {
  readonly id: string
  readonly itemId: string
  readonly stage: string
  readonly type: string
  readonly at: string
  readonly outcome?: string
  readonly attributes?: Record<string, unknown>
}

/** The events of an NDJSON file, in order. */
export const writtenEvents = (file: string): WrittenEvent[] =>
  readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as WrittenEvent)
