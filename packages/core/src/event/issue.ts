/**
 * What is wrong with one field of an event: the field as a JSON path (`links[0].kind`, or `""`
 * for the whole line) and why, in words.
 *
 * @since 0.1.0
 * @category events
 */
export interface FieldIssue {
  readonly field: string
  readonly reason: string
}

const show = (value: unknown): string => (value === undefined ? 'nothing' : JSON.stringify(value))

/** The last segment of a JSON path: `links[0].kind` → `kind`, `attributes.team` → `team`. */
const leaf = (path: string): string => {
  const bracket = path.lastIndexOf('[')
  const dot = path.lastIndexOf('.')
  return path.slice(Math.max(bracket, dot) + 1).replace(/]$/, '')
}

/**
 * The sentence that says why `value` is not acceptable at `path`. Both decoders (the Effect
 * Schema and the fast hot-path check) describe problems with this one function, so a line gets
 * the same words whichever decoded it.
 *
 * @since 0.1.0
 * @category events
 */
export const issueAt = (path: string, value: unknown): FieldIssue => {
  const field = leaf(path)
  if (path === '') return { field: path, reason: 'expected a JSON object' }
  if (value === undefined)
    return { field: path, reason: `missing ${field === 'id' && path !== 'id' ? 'link id' : field}` }
  if (path === 'type')
    return { field: path, reason: `unknown type ${show(value)}: expected "enter" or "exit"` }
  if (path === 'at') {
    return typeof value === 'string'
      ? { field: path, reason: `bad timestamp ${show(value)}: expected ISO-8601 with an offset` }
      : { field: path, reason: `bad timestamp ${show(value)}: expected an ISO-8601 string` }
  }
  if (path === 'outcome') {
    return {
      field: path,
      reason: `unknown outcome ${show(value)}: expected "success", "failure" or "cancelled"`,
    }
  }
  if (path === 'links') return { field: path, reason: 'links must be an array of { kind, id }' }
  if (path.startsWith('links[')) {
    if (field === 'kind') {
      return {
        field: path,
        reason: `unknown link kind ${show(value)}: expected issue, commit, pr, pipeline, deployment or environment`,
      }
    }
    if (field === 'id') return { field: path, reason: 'link id must be a non-empty string' }
    return { field: path, reason: 'a link must be an object { kind, id }' }
  }
  if (path === 'attributes') {
    return { field: path, reason: 'attributes must be an object of string, number or boolean values' }
  }
  if (path.startsWith('attributes.')) {
    return { field: path, reason: `attribute ${JSON.stringify(field)} must be a string, number or boolean` }
  }
  return { field: path, reason: `${field} must be a non-empty string` }
}
