import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'

/**
 * One process owns a store file at a time: `<file>.owner` holds its pid, created exclusively.
 * SQLite's own lock (a `<file>.lock` folder in the WASM build) outlives a process killed in a
 * transaction; when the owner recorded is dead, both are stale and are removed, and SQLite rolls
 * the interrupted transaction back from its journal on the next read.
 */
export const claim = (file: string): { readonly release: () => void } | { readonly ownedBy: number } => {
  const owner = `${file}.owner`
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(owner, 'wx')
      writeSync(fd, String(process.pid))
      closeSync(fd)
      return { release: () => rmSync(owner, { force: true }) }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    const pid = Number(readOwner(owner))
    if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) return { ownedBy: pid }
    rmSync(owner, { force: true })
    rmSync(`${file}.lock`, { recursive: true, force: true })
  }
  throw new Error(`could not claim ${owner}`)
}

const readOwner = (owner: string): string => {
  try {
    return readFileSync(owner, 'utf8').trim()
  } catch {
    return ''
  }
}

const isAlive = (pid: number): boolean => {
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
