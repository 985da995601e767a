import { readFile } from 'node:fs/promises'
import { ValueStream } from '@herbie/core'
import { Effect, ParseResult, Schema } from 'effect'
import { UsageError } from '../errors.js'
import { systemErrorText } from '../systemError.js'

const describe = (error: ParseResult.ParseError): string =>
  ParseResult.ArrayFormatter.formatErrorSync(error)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ')

/**
 * Reads and decodes a value-stream JSON file; every problem names the file and the field.
 *
 * @since 0.1.0
 * @category input
 */
export const loadStream = (path: string): Effect.Effect<ValueStream, UsageError> =>
  Effect.gen(function* () {
    const text = yield* Effect.tryPromise({
      try: () => readFile(path, 'utf8'),
      catch: (cause) => new UsageError({ reason: `cannot read stream ${path}: ${systemErrorText(cause)}` }),
    })
    const json = yield* Effect.try({
      try: () => JSON.parse(text) as unknown,
      catch: (cause) => new UsageError({ reason: `stream ${path} is not JSON: ${(cause as Error).message}` }),
    })
    return yield* Schema.decodeUnknown(ValueStream, { errors: 'all' })(json).pipe(
      Effect.mapError((error) => new UsageError({ reason: `stream ${path} is invalid: ${describe(error)}` })),
    )
  })
