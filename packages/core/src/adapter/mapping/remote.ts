/**
 * A repository as a remote URL names it: its host and its path (`acme/payments`, GitLab's
 * `group/sub/project`), without `.git`.
 *
 * @since 0.1.0
 * @category adapter mapping
 */
export interface RemoteRepository {
  readonly host: string
  readonly path: string
}

/**
 * The repository of a git remote URL: `https://github.com/acme/payments.git`,
 * `git@github.com:acme/payments.git`, `ssh://git@host:7999/acme/payments.git`. User info and
 * ports are dropped; undefined when the URL names no `OWNER/NAME` path (a local path, a Helm
 * chart repository's bare host).
 *
 * @since 0.1.0
 * @category adapter mapping
 */
export const parseRemote = (remote: string): RemoteRepository | undefined => {
  const trimmed = remote.trim()
  const scp = /^(?:[^@/\s]+@)?([^:/\s]+):(?!\/)(.+)$/.exec(trimmed)
  let host: string
  let path: string
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) && scp !== null) {
    host = scp[1]!
    path = scp[2]!
  } else {
    try {
      const url = new URL(trimmed)
      host = url.hostname
      path = decodeURIComponent(url.pathname)
    } catch {
      return undefined
    }
  }
  const clean = path
    .replace(/^\/+/, '')
    .replace(/\/+$/, '')
    .replace(/\.git$/, '')
  if (host === '' || !/^[\w.-]+(\/[\w.-]+)+$/.test(clean)) return undefined
  return { host: host.toLowerCase(), path: clean }
}
