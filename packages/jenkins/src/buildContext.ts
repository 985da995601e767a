import type { EventContext, RemoteRepository } from '@herbie/core'
import { issueKeys, parseRemote } from '@herbie/core'
import type { Action, Build } from './api.js'
import type { JenkinsConfig } from './config.js'
import { branchOf, type JobName, pullNumberOf } from './job.js'

/**
 * What a build says about its source: the revision it built and the repository's remote.
 *
 * @since 0.1.0
 * @category mapping
 */
export interface BuiltRevision {
  readonly sha?: string
  readonly remote?: string
}

const bareBranch = (name: string) => name.replace(/^refs\/remotes\/[^/]+\//, '').replace(/^origin\//, '')

/**
 * The revision a build built, from the git plugin's `BuildData` actions. A Pipeline that loads a
 * shared library has one for the library too: the one whose built branch is the job's branch
 * (multibranch) wins, else the first.
 *
 * @since 0.1.0
 * @category mapping
 */
export const builtRevision = (job: JobName, build: Pick<Build, 'actions'>): BuiltRevision => {
  const data = build.actions.filter(
    (action): action is Action & { lastBuiltRevision: NonNullable<Action['lastBuiltRevision']> } =>
      action?.lastBuiltRevision !== undefined,
  )
  const branch = branchOf(job)
  const chosen =
    data.find((action) =>
      (action.lastBuiltRevision.branch ?? []).some(
        (built) => built.name !== undefined && bareBranch(built.name) === branch,
      ),
    ) ?? data[0]
  if (chosen === undefined) return {}
  const remote = chosen.remoteUrls?.[0]
  return { sha: chosen.lastBuiltRevision.SHA1, ...(remote === undefined ? {} : { remote }) }
}

/**
 * The commit messages (first lines) of a build's change sets: `changeSets` of a Pipeline run,
 * `changeSet` of a freestyle build.
 *
 * @since 0.1.0
 * @category mapping
 */
export const changeMessages = (build: Pick<Build, 'changeSets' | 'changeSet'>): string[] =>
  [...(build.changeSets ?? []), ...(build.changeSet === undefined ? [] : [build.changeSet])].flatMap((set) =>
    set.items.flatMap((item) => (item.msg === undefined ? [] : [item.msg])),
  )

/**
 * The item id of a pull or merge request of a repository on a known host: GitHub's
 * `github:OWNER/NAME#N`, GitLab's `gitlab:GROUP/NAME!N`.
 *
 * @since 0.1.0
 * @category mapping
 */
export const pullItemId = (kind: 'github' | 'gitlab', repository: string, number: number): string =>
  kind === 'github' ? `github:${repository}#${number}` : `gitlab:${repository}!${number}`

/**
 * The item of a build and what its events carry, item-wide (`context`) and of the build
 * (`attributes`: the job and the build number):
 * - a pull or merge request job (`PR-123`, `MR-12`) of a repository on a known host: that
 *   request's item (`github:OWNER/NAME#123`), with a `pr` link `OWNER/NAME#123` (GitLab:
 *   `GROUP/NAME!12`) and the number in `attributes.pr`;
 * - else, when the build names its revision and its repository is on a known host, the commit's
 *   item, the id GitHub and GitLab give a commit no change claims (`github:OWNER/NAME@SHA`);
 * - else the build's own item, `jenkins:JOB#N`.
 * The context links the commit built and the issue keys in the branch name (not a request job's
 * `PR-123`) and commit messages,
 * and carries the repository (`OWNER/NAME`) when known.
 *
 * @since 0.1.0
 * @category mapping
 */
export const buildContext = (
  config: Pick<JenkinsConfig, 'hosts' | 'issueKeyPattern'>,
  job: JobName,
  build: Pick<Build, 'number' | 'actions' | 'changeSets' | 'changeSet'>,
): {
  readonly context: EventContext
  readonly attributes: { readonly job: string; readonly build: number }
} => {
  const revision = builtRevision(job, build)
  const repository: RemoteRepository | undefined =
    revision.remote === undefined ? undefined : parseRemote(revision.remote)
  const kind = repository === undefined ? undefined : config.hosts[repository.host]
  const pull = pullNumberOf(job)
  const keys = issueKeys(config.issueKeyPattern, [
    ...(pull === undefined ? [branchOf(job)] : []),
    ...changeMessages(build),
  ])
  const itemId =
    repository !== undefined && kind !== undefined && pull !== undefined
      ? pullItemId(kind, repository.path, pull)
      : repository !== undefined && kind !== undefined && revision.sha !== undefined && pull === undefined
        ? `${kind}:${repository.path}@${revision.sha}`
        : `jenkins:${job}#${build.number}`
  return {
    context: {
      itemId,
      links: [
        ...(pull !== undefined && repository !== undefined
          ? [{ kind: 'pr' as const, id: `${repository.path}${kind === 'gitlab' ? '!' : '#'}${pull}` }]
          : []),
        ...(revision.sha === undefined ? [] : [{ kind: 'commit' as const, id: revision.sha }]),
        ...keys.map((key) => ({ kind: 'issue' as const, id: key })),
      ],
      attributes: {
        ...(repository === undefined ? {} : { repository: repository.path }),
        ...(pull === undefined ? {} : { pr: pull }),
      },
    },
    attributes: { job, build: build.number },
  }
}

/**
 * One context out of the contexts of several builds of an item: their links, each once, in the
 * order first seen, and their attributes.
 *
 * @since 0.1.0
 * @category mapping
 */
export const mergeContexts = (contexts: readonly [EventContext, ...EventContext[]]): EventContext => {
  const [first] = contexts
  const seen = new Set<string>()
  const links = contexts
    .flatMap((context) => context.links)
    .filter((link) => {
      const key = `${link.kind} ${link.id}`
      if (seen.has(key)) return false
      seen.add(key)
      return true
    })
  return {
    itemId: first.itemId,
    links,
    attributes: Object.assign({}, ...contexts.map((context) => context.attributes)),
  }
}
