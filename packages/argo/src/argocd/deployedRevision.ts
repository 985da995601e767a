import { isSha, type KnownRepository, knownRepository } from '../revision.js'
import type { ApplicationSource } from './api.js'
import type { ArgocdConfig } from './config.js'

/**
 * What a sync deployed: the revision and the repository it came from, when the repository is on
 * a known host.
 *
 * @since 0.1.0
 * @category mapping
 */
export interface DeployedRevision {
  readonly revision: string | undefined
  readonly repository: KnownRepository | undefined
}

/**
 * The revision a sync deployed and its repository: `revision` of `source` for a single-source
 * application; for a multi-source one (`revisions[i]` of `sources[i]`), the first source on a
 * known host whose revision is a commit SHA, else the first source.
 *
 * @since 0.1.0
 * @category mapping
 */
export const deployedRevision = (
  config: Pick<ArgocdConfig, 'hosts'>,
  synced: {
    readonly revision?: string | undefined
    readonly revisions?: ReadonlyArray<string> | undefined
    readonly source?: ApplicationSource | undefined
    readonly sources?: ReadonlyArray<ApplicationSource> | undefined
  },
  fallbackSource: ApplicationSource | undefined,
): DeployedRevision => {
  const pairs =
    synced.sources !== undefined && synced.revisions !== undefined
      ? synced.sources.map((source, index) => ({ source, revision: synced.revisions?.[index] }))
      : [{ source: synced.source ?? fallbackSource, revision: synced.revision }]
  const withRepository = pairs.map((pair) => ({
    revision: pair.revision,
    repository: pair.source === undefined ? undefined : knownRepository(pair.source.repoURL, config.hosts),
  }))
  return (
    withRepository.find(
      (pair) => pair.repository !== undefined && pair.revision !== undefined && isSha(pair.revision),
    ) ??
    withRepository[0] ?? { revision: undefined, repository: undefined }
  )
}
