// A throwaway PostgreSQL cluster on loopback, for the tests (globalSetup.ts) and the bench: made
// with Debian's binaries under a temp folder, run as the `postgres` user when we are root (the
// server refuses root), with a password role `herbie` that owns the database `herbie`.
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** The folder of the newest installed PostgreSQL's binaries, if any. */
export const postgresBin = (): string | undefined => {
  const root = '/usr/lib/postgresql'
  if (!existsSync(root)) return undefined
  return readdirSync(root)
    .filter((version) => existsSync(join(root, version, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a))
    .map((version) => join(root, version, 'bin'))[0]
}

/** What a test needs of a running server: the role's URL and its parts. */
export interface TestServer {
  /** `postgres://herbie:PASSWORD@127.0.0.1:PORT/herbie` */
  readonly url: string
  readonly port: number
  readonly password: string
  /** The folder of the server's unix socket. */
  readonly socketDir: string
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address !== null
          ? resolve(address.port)
          : reject(new Error('no port')),
      )
    })
  })

const asRoot = process.getuid?.() === 0

/** Runs a PostgreSQL binary, as the `postgres` user when we are root; at most `timeout` ms. */
const run = (bin: string, tool: string, args: ReadonlyArray<string>, timeout = 60_000): string => {
  const [file, argv] = asRoot
    ? ['runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]]
    : [join(bin, tool), [...args]]
  return execFileSync(file, argv, { encoding: 'utf8', timeout, stdio: ['ignore', 'pipe', 'pipe'] })
}

/**
 * Creates a cluster under a new temp folder and starts it on 127.0.0.1 (a free port) and a unix
 * socket in that folder. `durable: false` turns fsync off (tests); the bench keeps the defaults.
 * Gives the server and `stop`, which stops it and removes the folder (also after a failed start).
 */
export const startServer = async (
  bin: string,
  options: { readonly durable?: boolean } = {},
): Promise<{ readonly server: TestServer; readonly stop: () => void }> => {
  const dir = mkdtempSync(join(tmpdir(), 'herbie-pg-'))
  const data = join(dir, 'data')
  if (asRoot) {
    const ids = execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim()
    const group = execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim()
    chownSync(dir, Number(ids), Number(group))
  }
  let started = false
  let stopped = false
  const stop = () => {
    if (stopped) return
    stopped = true
    process.off('exit', stop)
    try {
      if (started) run(bin, 'pg_ctl', ['stop', '-D', data, '-m', 'immediate', '-w', '-t', '30'], 40_000)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
  // Also when the process ends without running its teardown (an uncaught error).
  process.once('exit', stop)
  try {
    const port = await freePort()
    const password = randomBytes(12).toString('hex')
    run(bin, 'initdb', [
      '-D',
      data,
      '-U',
      'postgres',
      '--auth-local=trust',
      '--auth-host=scram-sha-256',
      '--encoding=UTF8',
      '--no-sync',
    ])
    const settings = [
      `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir}`,
      options.durable === false ? '-c fsync=off -c synchronous_commit=off -c full_page_writes=off' : '',
    ].join(' ')
    started = true
    run(
      bin,
      'pg_ctl',
      ['start', '-D', data, '-w', '-t', '30', '-l', join(dir, 'server.log'), '-o', settings],
      40_000,
    )
    const sqlFile = join(dir, 'setup.sql')
    writeFileSync(
      sqlFile,
      `CREATE ROLE herbie LOGIN CREATEDB PASSWORD '${password}';\nCREATE DATABASE herbie OWNER herbie;\n`,
    )
    run(bin, 'psql', [
      '-h',
      dir,
      '-p',
      String(port),
      '-U',
      'postgres',
      '-d',
      'postgres',
      '-q',
      '-v',
      'ON_ERROR_STOP=1',
      '-f',
      sqlFile,
    ])
    rmSync(sqlFile)
    return {
      server: {
        url: `postgres://herbie:${password}@127.0.0.1:${port}/herbie`,
        port,
        password,
        socketDir: dir,
      },
      stop,
    }
  } catch (error) {
    stop()
    throw error
  }
}
