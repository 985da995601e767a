import {
  classifyStage,
  type EventContext,
  type Outcome,
  type RunAttempt,
  type StageEventEncoded,
  type StageMapping,
} from '@herbie/core'
import type { NodeStatus, Workflow } from './api.js'
import type { ArgoWorkflowsConfig } from './config.js'
import { workflowEvents } from './mapping.js'
import { workflowName } from './workflowContext.js'

const WORK = new Set(['Pod', 'Container', 'HTTP', 'Plugin'])

/**
 * A node phase as an outcome: `Succeeded` success; `Failed`, `Error` failure; `Skipped`,
 * `Omitted` cancelled (the node did not run its work); undefined while `Pending` or `Running`.
 *
 * @since 0.1.0
 * @category mapping
 */
export const phaseOutcome = (phase: string | undefined): Outcome | undefined => {
  if (phase === 'Succeeded') return 'success'
  if (phase === 'Failed' || phase === 'Error') return 'failure'
  if (phase === 'Skipped' || phase === 'Omitted') return 'cancelled'
  return undefined
}

/**
 * The template a node ran, by name: its `templateName`, the template of its `templateRef`, or
 * its display name.
 *
 * @since 0.1.0
 * @category mapping
 */
export const templateOf = (node: NodeStatus): string =>
  node.templateName ?? node.templateRef?.template ?? node.displayName ?? node.name

/**
 * What one workflow's nodes give: the CI run attempts (one per CI work node, for the union of CI
 * stays), the other events (deploy and suspend stays, done candidates) and the CI nodes that
 * ended.
 *
 * @since 0.1.0
 * @category mapping
 */
export interface WorkflowNodes {
  readonly attempts: RunAttempt[]
  readonly events: StageEventEncoded[]
  readonly ended: string[]
}

/**
 * Maps a workflow's nodes (see docs/argo.md): each work node (`Pod`, `Container`, `HTTP`,
 * `Plugin`) that started goes by its template's name through `templatePatterns`; a CI node is a
 * run attempt `node:NAMESPACE/NODE-ID` from `startedAt` to `finishedAt` with its phase's outcome
 * (a retry of a `Retry` node after its first child is rework); a deploy node is a stay of its
 * own with the environment its pattern names, and, when that environment is production and it
 * succeeded, the item's done candidate. A `Suspend` node is a stay in the `suspend` fact's stage
 * (waiting) until it was resumed. `skip` holds CI nodes an earlier sync already counted. Nodes
 * that never started (no `startedAt`) and structural nodes give nothing.
 *
 * @since 0.1.0
 * @category mapping
 */
export const nodeEvents = (
  config: Pick<ArgoWorkflowsConfig, 'templatePatterns' | 'productionEnvironment'>,
  stages: StageMapping,
  context: EventContext,
  workflow: Workflow,
  skip: ReadonlySet<string> = new Set(),
): WorkflowNodes => {
  const name = workflowName(workflow)
  const namespace = name.split('/')[0]!
  const nodes = Object.values(workflow.status?.nodes ?? {})
  const retriedBy = new Map<string, { readonly first: boolean }>()
  for (const node of nodes) {
    if (node.type !== 'Retry') continue
    for (const [index, child] of (node.children ?? []).entries()) retriedBy.set(child, { first: index === 0 })
  }
  const attempts: RunAttempt[] = []
  const events: StageEventEncoded[] = []
  const ended: string[] = []
  const ordered = [...nodes].sort(
    (a, b) => Date.parse(a.startedAt ?? '') - Date.parse(b.startedAt ?? '') || a.id.localeCompare(b.id),
  )
  for (const node of ordered) {
    if (node.type !== 'Suspend' && !WORK.has(node.type)) continue
    const start = node.startedAt ?? undefined
    if (start === undefined) continue
    const outcome = phaseOutcome(node.phase)
    const end = outcome === undefined ? undefined : (node.finishedAt ?? start)
    const template = templateOf(node)
    const key = `node:${namespace}/${node.id}`
    const own = { workflow: name, template }
    if (node.type === 'Suspend') {
      events.push(
        ...workflowEvents.stayEvents(context, key, stages.suspend!, start, end, { attributes: own }),
      )
      continue
    }
    const target = classifyStage(template, config.templatePatterns, stages.node!)
    if (target.stage === stages.node) {
      if (end !== undefined) ended.push(node.id)
      if (skip.has(node.id)) continue
      attempts.push({
        runId: `${namespace}/${node.id}`,
        attempt: 1,
        rework: retriedBy.get(node.id)?.first === false,
        attributes: own,
        start,
        ...(end === undefined ? {} : { end }),
        ...(outcome === undefined ? {} : { outcome }),
      })
      continue
    }
    const environment = target.environment
    const production =
      environment !== undefined && new RegExp(config.productionEnvironment, 'i').test(environment)
    const attributes = { ...own, production, ...(environment === undefined ? {} : { environment }) }
    const deployContext: EventContext =
      environment === undefined
        ? context
        : { ...context, links: [...context.links, { kind: 'environment', id: environment }] }
    events.push(
      ...workflowEvents.stayEvents(deployContext, key, target.stage, start, end, {
        ...(outcome === undefined ? {} : { outcome }),
        attributes,
      }),
    )
    if (end !== undefined && outcome === 'success' && production) {
      events.push(
        workflowEvents.doneCandidate(context, key, stages.done!, end, 'production-deploy', attributes),
      )
    }
  }
  return { attempts, events, ended }
}
