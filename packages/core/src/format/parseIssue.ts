import { ParseResult } from 'effect'

/**
 * The one problem a user is shown for a value that does not decode: where (`field`, a path such
 * as `sources.gh.options.repositories[0]`, empty for the whole value) and why, in one line.
 *
 * @since 0.1.0
 * @category format
 */
export interface ParseProblem {
  readonly path: ReadonlyArray<PropertyKey>
  readonly field: string
  readonly reason: string
}

const IDENTIFIER = /^[\w$-]+$/

/**
 * A path as users write it: `sources.gh.options`, `repositories[0]`, `sources["my source"]`.
 *
 * @since 0.1.0
 * @category format
 */
export const formatPath = (path: ReadonlyArray<PropertyKey>): string =>
  path.reduce<string>((out, key) => {
    if (typeof key === 'number') return `${out}[${key}]`
    const name = String(key)
    if (!IDENTIFIER.test(name)) return `${out}[${JSON.stringify(name)}]`
    return out === '' ? name : `${out}.${name}`
  }, '')

const EXPECTED = /^Expected (.+), actual (.+)$/s
const UNEXPECTED = /^is unexpected, expected: (.+)$/s

/** A schema's own description of a type, in words: `readonly [...]` is a list, `{ ... }` an object. */
const inWords = (expected: string): string => {
  if (/^(readonly \[|ReadonlyArray<|Array<|NonEmpty\w*Array)/.test(expected)) return 'a list'
  if (/^\{|^Struct\b|^Record\b|\(Struct \(Encoded side\)/.test(expected)) return 'an object'
  if (expected === 'string') return 'a string'
  if (expected === 'number') return 'a number'
  if (expected === 'boolean') return 'true or false'
  if (expected === 'Int' || expected === 'an integer') return 'a whole number'
  if (expected === 'a non empty string') return 'a non-empty string'
  return expected
}

const byPriority = (issue: ParseResult.ArrayFormatterIssue): number =>
  issue._tag === 'Unexpected' ? 0 : issue._tag === 'Missing' ? 2 : 1

/**
 * Describes a decoding failure as its one most useful problem. An unknown key comes first (a
 * typo there is why a required key is missing); the "or absent" alternative of an optional key is
 * left out; and the alternatives of a union at one key read as one expectation: `expected a
 * string or an object, got 5`, not one line per alternative that each contradicts the other.
 *
 * @since 0.1.0
 * @category format
 */
export const describeParseError = (error: ParseResult.ParseError): ParseProblem => {
  const all = ParseResult.ArrayFormatter.formatErrorSync(error)
  const meaningful = all.filter((issue) => !/^Expected undefined, actual /.test(issue.message))
  const issues = (meaningful.length > 0 ? meaningful : all)
    .map((issue, order) => ({ issue, order }))
    .sort((a, b) => byPriority(a.issue) - byPriority(b.issue) || a.order - b.order)
    .map(({ issue }) => issue)
  const first = issues[0]
  if (first === undefined) return { path: [], field: '', reason: 'does not match the schema' }
  const field = formatPath(first.path)
  const here = issues.filter((issue) => formatPath(issue.path) === field)
  const unexpected = UNEXPECTED.exec(first.message)
  if (first._tag === 'Unexpected' && unexpected !== null) {
    const keys = unexpected[1]!.split(' | ').map((key) => key.replace(/^"(.*)"$/, '$1'))
    return { path: first.path, field, reason: `unknown key (the keys are ${keys.join(', ')})` }
  }
  if (!EXPECTED.test(first.message)) return { path: first.path, field, reason: first.message }
  const expectations = here.flatMap((issue) => {
    const match = EXPECTED.exec(issue.message)
    return match === null ? [] : [{ expected: inWords(match[1]!), actual: match[2]! }]
  })
  const expected = [...new Set(expectations.map((entry) => entry.expected))]
  return {
    path: first.path,
    field,
    reason: `expected ${expected.join(' or ')}, got ${expectations[0]!.actual}`,
  }
}
