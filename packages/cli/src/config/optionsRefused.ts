import { Option, Schema } from 'effect'
import { ConfigFileInvalid } from './ConfigFileInvalid.js'

/** An adapter's `ConfigInvalid`, from whichever copy of `@herbie/core` the adapter runs on. */
const Refused = Schema.Struct({
  _tag: Schema.Literal('ConfigInvalid'),
  field: Schema.String,
  reason: Schema.String,
})

/**
 * Puts an adapter's refusal of its options where the user wrote them: a `ConfigInvalid` from
 * the source `name` becomes a {@link ConfigFileInvalid} naming the file and the key
 * (`sources.NAME.options.perPage`); any other error is returned as it came.
 *
 * @since 0.1.0
 * @category config
 */
export const optionsRefused = (error: unknown, file: string, name: string): unknown =>
  Option.match(Schema.decodeUnknownOption(Refused)(error), {
    onNone: () => error,
    onSome: ({ field, reason }) =>
      new ConfigFileInvalid({
        file,
        field: `sources.${name}.options${field === '' || field.startsWith('[') ? '' : '.'}${field}`,
        reason,
      }),
  })
