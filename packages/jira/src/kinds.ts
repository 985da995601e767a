import { Schema } from 'effect'

/**
 * A flow item kind (the Flow Framework's four): `feature` (new value), `defect` (failure demand),
 * `risk` (security, compliance) or `debt` (technical debt, chores).
 *
 * @since 0.1.0
 * @category mapping
 */
export const FlowKind = Schema.Literal('feature', 'defect', 'risk', 'debt')

/**
 * A flow item kind.
 *
 * @since 0.1.0
 * @category mapping
 */
export type FlowKind = typeof FlowKind.Type

/**
 * The kind of each usual issue type: Story, Feature and Epic are features; Bug and Incident
 * defects; Risk a risk; Tech Debt, Technical Debt and Task debt.
 *
 * @since 0.1.0
 * @category mapping
 */
export const DEFAULT_KINDS: Readonly<Record<string, FlowKind>> = {
  Story: 'feature',
  Feature: 'feature',
  Epic: 'feature',
  Bug: 'defect',
  Incident: 'defect',
  Risk: 'risk',
  'Tech Debt': 'debt',
  'Technical Debt': 'debt',
  Task: 'debt',
}

/**
 * The kind of an issue type: the user's `kinds`, then the defaults, by name without regard to
 * case; a type neither names is a `feature`.
 *
 * @since 0.1.0
 * @category mapping
 */
export const kindOf = (
  issueType: string | undefined,
  kinds: Readonly<Record<string, FlowKind>>,
): FlowKind => {
  if (issueType === undefined) return 'feature'
  const wanted = issueType.toLowerCase()
  for (const table of [kinds, DEFAULT_KINDS]) {
    for (const [name, kind] of Object.entries(table)) if (name.toLowerCase() === wanted) return kind
  }
  return 'feature'
}
