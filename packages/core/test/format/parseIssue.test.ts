import { Either, type ParseResult, Schema } from 'effect'
import { describe, expect, it } from 'vitest'
import { describeParseError, formatPath } from '../../src/index.js'

const problem = <A, I>(schema: Schema.Schema<A, I>, value: unknown) => {
  const result = Schema.decodeUnknownEither(schema, { errors: 'all', onExcessProperty: 'error' })(value)
  if (Either.isRight(result)) throw new Error('expected a failure')
  return describeParseError(result.left as ParseResult.ParseError)
}

describe('describeParseError', () => {
  const Options = Schema.Struct({
    token: Schema.Union(Schema.String, Schema.Struct({ env: Schema.String })),
    doneAt: Schema.optional(Schema.Literal('production-deploy', 'merge')),
    repositories: Schema.optional(Schema.NonEmptyArray(Schema.String)),
    perPage: Schema.optionalWith(Schema.Number, { default: () => 30 }),
  })

  it("reads a union's alternatives as one expectation, and leaves out an optional key's absence", () => {
    expect(problem(Options, { token: 5 })).toEqual({
      path: ['token'],
      field: 'token',
      reason: 'expected a string or an object, got 5',
    })
    expect(problem(Options, { token: 't', doneAt: 5 })).toEqual({
      path: ['doneAt'],
      field: 'doneAt',
      reason: 'expected "production-deploy" or "merge", got 5',
    })
    expect(problem(Options, { token: 't', perPage: 'ten' }).reason).toBe('expected a number, got "ten"')
  })

  it('names lists and objects in words, and the path as users write it', () => {
    expect(problem(Options, { token: 't', repositories: 'acme/api' })).toEqual({
      path: ['repositories'],
      field: 'repositories',
      reason: 'expected a list, got "acme/api"',
    })
    expect(problem(Options, { token: 't', repositories: ['a', 5] }).field).toBe('repositories[1]')
    expect(problem(Options, [])).toEqual({ path: [], field: '', reason: 'expected an object, got []' })
    expect(formatPath(['sources', 'my source', 'options', 0])).toBe('sources["my source"].options[0]')
  })

  it('puts an unknown key first, as the likely reason a required one is missing', () => {
    expect(problem(Options, { tokn: 't' })).toEqual({
      path: ['tokn'],
      field: 'tokn',
      reason: 'unknown key (the keys are token, doneAt, repositories, perPage)',
    })
    expect(problem(Options, {}).reason).toBe('is missing')
  })
})
