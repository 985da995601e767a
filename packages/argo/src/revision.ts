import type { EventContext } from '@herbie/core'
import { parseRemote } from '@herbie/core'
import { Schema } from 'effect'

const SHA = /^[0-9a-f]{7,40}$/i

/**
 * Whether a revision is a commit SHA (7 to 40 hex digits), not a branch, a tag or a chart
 * version.
 *
 * @since 0.1.0
 * @category mapping
 */
export const isSha = (revision: string): boolean => SHA.test(revision)

/**
 * The commit SHAs image references carry in their tags (`ghcr.io/acme/payments-api:9f1c2e7`,
 * `...:sha-9f1c2e7b`): a tag of 7 to 40 hex digits, optionally after `sha-`; each once, in order.
 * Digests (`@sha256:...`) and other tags (`:2`, `:v1.4.0`) are no commits and are left out.
 *
 * @since 0.1.0
 * @category mapping
 */
export const imageShas = (images: ReadonlyArray<string>): string[] => {
  const found = new Set<string>()
  for (const image of images) {
    if (image.includes('@')) continue
    const tag = /:([^:/]+)$/.exec(image)?.[1]
    const sha = tag === undefined ? undefined : /^(?:sha-)?([0-9a-f]{7,40})$/i.exec(tag)?.[1]
    if (sha !== undefined) found.add(sha.toLowerCase())
  }
  return [...found]
}

/**
 * Which SCM host names are GitHub and which GitLab (default `github.com` and `gitlab.com`).
 *
 * @since 0.1.0
 * @category config
 */
export const Hosts = Schema.optionalWith(
  Schema.Record({ key: Schema.String, value: Schema.Literal('github', 'gitlab') }),
  { default: () => ({ 'github.com': 'github' as const, 'gitlab.com': 'gitlab' as const }) },
)

/**
 * A repository on a known host: its kind and `OWNER/NAME` (GitLab: `GROUP/SUB/NAME`).
 *
 * @since 0.1.0
 * @category mapping
 */
export interface KnownRepository {
  readonly kind: 'github' | 'gitlab'
  readonly path: string
}

/**
 * The repository of a git URL when its host is GitHub- or GitLab-like (by `hosts`), else
 * undefined (a Helm chart repository, an unknown host).
 *
 * @since 0.1.0
 * @category mapping
 */
export const knownRepository = (
  url: string,
  hosts: Readonly<Record<string, 'github' | 'gitlab'>>,
): KnownRepository | undefined => {
  const remote = parseRemote(url)
  const kind = remote === undefined ? undefined : hosts[remote.host]
  return remote === undefined || kind === undefined ? undefined : { kind, path: remote.path }
}

/**
 * The context of a deployed or built revision: the commit's own item when the repository is
 * known and the revision is a SHA (`github:OWNER/NAME@SHA`, the id the other adapters give a
 * commit no change claims), else `fallback`. The revision is a `commit` link when it is a SHA,
 * and so is every SHA of `extraShas` (image tags) that is not the start of another (a short
 * `9f1c2e7` beside the full revision is one commit); the repository goes in
 * `attributes.repository`.
 *
 * @since 0.1.0
 * @category mapping
 */
export const revisionContext = (
  repository: KnownRepository | undefined,
  revision: string | undefined,
  fallback: string,
  extraShas: ReadonlyArray<string> = [],
): EventContext => {
  const sha = revision !== undefined && isSha(revision) ? revision.toLowerCase() : undefined
  const shas = [...new Set([...(sha === undefined ? [] : [sha]), ...extraShas])].filter(
    (candidate, _, all) => !all.some((other) => other !== candidate && other.startsWith(candidate)),
  )
  return {
    itemId:
      repository !== undefined && sha !== undefined
        ? `${repository.kind}:${repository.path}@${sha}`
        : fallback,
    links: shas.map((id) => ({ kind: 'commit' as const, id })),
    attributes: repository === undefined ? {} : { repository: repository.path },
  }
}
