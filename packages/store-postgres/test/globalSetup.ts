// Starts a throwaway PostgreSQL server for the whole test run when the binaries are installed
// (Debian's `postgresql`), and stops it at the end, whatever the tests did. Without them the
// tests fail under CI and are skipped elsewhere.
import type { TestProject } from 'vitest/node'
import { postgresBin, startServer, type TestServer } from './server.js'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The server of this run, or null when PostgreSQL is not installed (tests skip). */
    postgres: TestServer | null
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const bin = postgresBin()
  if (bin === undefined) {
    const words =
      "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): install Debian's postgresql package (.ci/run does)"
    if (process.env.CI) throw new Error(`@herbie/store-postgres tests: ${words}`)
    console.warn(`@herbie/store-postgres: skipping the tests: ${words}`)
    project.provide('postgres', null)
    return () => {}
  }
  const { server, stop } = await startServer(bin, { durable: false })
  project.provide('postgres', server)
  return stop
}
