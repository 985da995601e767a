import { type FieldIssue, issueAt } from './issue.js'
import type { StageEventEncoded } from './StageEvent.js'
import { parseTimestamp } from './timestamp.js'

const LINK_KINDS = new Set(['issue', 'commit', 'pr', 'pipeline', 'deployment', 'environment'])
const REQUIRED_STRINGS = ['id', 'itemId', 'stage'] as const

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const isNonEmpty = (value: unknown): value is string => typeof value === 'string' && value.length > 0

const checkLinks = (links: unknown): FieldIssue | undefined => {
  if (!Array.isArray(links)) return issueAt('links', links)
  for (let i = 0; i < links.length; i++) {
    const link: unknown = links[i]
    if (!isObject(link)) return issueAt(`links[${i}]`, link)
    if (typeof link.kind !== 'string' || !LINK_KINDS.has(link.kind))
      return issueAt(`links[${i}].kind`, link.kind)
    if (!isNonEmpty(link.id)) return issueAt(`links[${i}].id`, link.id)
  }
  return undefined
}

const checkAttributes = (attributes: unknown): FieldIssue | undefined => {
  if (!isObject(attributes)) return issueAt('attributes', attributes)
  for (const key in attributes) {
    const value = attributes[key]
    const kind = typeof value
    if (kind !== 'string' && kind !== 'number' && kind !== 'boolean')
      return issueAt(`attributes.${key}`, value)
  }
  return undefined
}

/**
 * The hot-path check of one parsed NDJSON value against the stage-event contract. It accepts and
 * rejects exactly what the `StageEvent` schema does (a test holds the two together), reports the
 * first field in schema order that is wrong, and on success returns the event time in epoch
 * milliseconds so the caller need not parse it again.
 *
 * @since 0.1.0
 * @category events
 */
export const validateEvent = (value: unknown): number | FieldIssue => {
  if (!isObject(value)) return issueAt('', value)
  for (const key of REQUIRED_STRINGS) {
    if (!isNonEmpty(value[key])) return issueAt(key, value[key])
  }
  const type = value.type
  if (type !== 'enter' && type !== 'exit') return issueAt('type', type)
  const at = value.at
  const ms = typeof at === 'string' ? parseTimestamp(at) : undefined
  if (ms === undefined) return issueAt('at', at)
  if (!isNonEmpty(value.source)) return issueAt('source', value.source)
  const outcome = value.outcome
  if (outcome !== undefined && outcome !== 'success' && outcome !== 'failure' && outcome !== 'cancelled') {
    return issueAt('outcome', outcome)
  }
  if (value.links !== undefined) {
    const issue = checkLinks(value.links)
    if (issue !== undefined) return issue
  }
  if (value.attributes !== undefined) {
    const issue = checkAttributes(value.attributes)
    if (issue !== undefined) return issue
  }
  return ms
}

/**
 * Whether a value is a stage event, checked as {@link validateEvent} checks it.
 *
 * @since 0.1.0
 * @category events
 */
export const isStageEvent = (value: unknown): value is StageEventEncoded =>
  typeof validateEvent(value) === 'number'
