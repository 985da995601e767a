import type { EventContext } from '@herbie/core'
import { isSha, type KnownRepository, knownRepository, revisionContext } from '../revision.js'
import type { Workflow } from './api.js'
import type { ArgoWorkflowsConfig } from './config.js'

/**
 * A workflow's name among all: `NAMESPACE/NAME`.
 *
 * @since 0.1.0
 * @category mapping
 */
export const workflowName = (workflow: Workflow, fallbackNamespace = 'default'): string =>
  `${workflow.metadata.namespace ?? fallbackNamespace}/${workflow.metadata.name ?? workflow.metadata.uid ?? ''}`

/** The values a workflow names by key: its parameters first, then its labels. */
const named = (
  workflow: Workflow,
  pattern: string,
): Array<{ readonly value: string; readonly label: boolean }> => {
  const matches = new RegExp(pattern, 'i')
  return [
    ...(workflow.spec.arguments?.parameters ?? [])
      .filter((parameter) => matches.test(parameter.name) && parameter.value !== undefined)
      .map((parameter) => ({ value: parameter.value!, label: false })),
    ...Object.entries(workflow.metadata.labels ?? {})
      .filter(([key]) => matches.test(key))
      .map(([, value]) => ({ value, label: true })),
  ]
}

/**
 * The repository a workflow builds: a parameter or label named by `repositoryKey` (a git URL on a
 * known host, or `OWNER/NAME`; a label, whose values cannot hold `/`, as `OWNER.NAME`, split at
 * the first dot), else the `repository` option; its kind from `hosts` for a URL, else `scm`.
 *
 * @since 0.1.0
 * @category mapping
 */
export const workflowRepository = (
  config: Pick<ArgoWorkflowsConfig, 'repositoryKey' | 'repository' | 'scm' | 'hosts'>,
  workflow: Workflow,
): KnownRepository | undefined => {
  for (const { value, label } of named(workflow, config.repositoryKey)) {
    const remote = knownRepository(value, config.hosts)
    if (remote !== undefined) return remote
    if (/^[\w.-]+(\/[\w.-]+)+$/.test(value)) return { kind: config.scm, path: value }
    const dot = value.indexOf('.')
    if (label && dot > 0 && dot < value.length - 1) {
      return { kind: config.scm, path: `${value.slice(0, dot)}/${value.slice(dot + 1)}` }
    }
  }
  return config.repository === undefined ? undefined : { kind: config.scm, path: config.repository }
}

/**
 * The item of a workflow and what its events share: the commit it names (a parameter or label
 * named by `commitKey` holding a SHA) in its repository gives the commit's item
 * (`github:OWNER/NAME@SHA`, the one GitHub, GitLab and Jenkins give that commit); else the
 * workflow's own, `argo-workflows:NAMESPACE/NAME`. The commit is linked either way.
 *
 * @since 0.1.0
 * @category mapping
 */
export const workflowContext = (
  config: Pick<ArgoWorkflowsConfig, 'commitKey' | 'repositoryKey' | 'repository' | 'scm' | 'hosts'>,
  workflow: Workflow,
): EventContext => {
  const commit = named(workflow, config.commitKey).find((entry) => isSha(entry.value))?.value
  return revisionContext(
    workflowRepository(config, workflow),
    commit,
    `argo-workflows:${workflowName(workflow)}`,
  )
}
