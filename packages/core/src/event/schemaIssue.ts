import { ParseResult } from 'effect'
import { type FieldIssue, issueAt } from './issue.js'

const FIELD_ORDER = ['id', 'itemId', 'stage', 'type', 'at', 'source', 'outcome', 'links', 'attributes']

const jsonPath = (path: ReadonlyArray<PropertyKey>): string =>
  path.reduce<string>(
    (acc, key) =>
      typeof key === 'number' ? `${acc}[${key}]` : acc === '' ? String(key) : `${acc}.${String(key)}`,
    '',
  )

const valueAt = (root: unknown, path: ReadonlyArray<PropertyKey>): unknown =>
  path.reduce<unknown>(
    (node, key) =>
      typeof node === 'object' && node !== null ? (node as Record<PropertyKey, unknown>)[key] : undefined,
    root,
  )

/**
 * Turns a `StageEvent` schema failure into the first field issue in schema order, worded like the
 * fast decoder's.
 *
 * @since 0.1.0
 * @category events
 */
export const fieldIssueOf = (raw: unknown, error: ParseResult.ParseError): FieldIssue => {
  const issues = ParseResult.ArrayFormatter.formatErrorSync(error)
  const rank = (path: ReadonlyArray<PropertyKey>) => {
    const index = FIELD_ORDER.indexOf(String(path[0]))
    return index === -1 ? FIELD_ORDER.length : index
  }
  const first = [...issues].sort((a, b) => rank(a.path) - rank(b.path) || b.path.length - a.path.length)[0]
  const path = first?.path ?? []
  return issueAt(jsonPath(path), valueAt(raw, path))
}
