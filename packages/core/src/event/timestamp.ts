import { ParseResult, Schema } from 'effect'

const ISO_WITH_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|z|([+-])(\d{2}):?(\d{2}))$/

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

const isLeap = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0

/**
 * Parses an ISO-8601 date-time that carries an explicit offset (`Z`, `+02:00` or `+0200`) into
 * epoch milliseconds. Returns `undefined` for anything else: a missing offset, an impossible date
 * (February 30th), an out-of-range hour, minute or second.
 *
 * @since 0.1.0
 * @category timestamps
 */
export const parseTimestamp = (text: string): number | undefined => {
  const m = ISO_WITH_OFFSET.exec(text)
  if (m === null) return undefined
  const year = Number(m[1])
  const month = Number(m[2])
  const day = Number(m[3])
  const hour = Number(m[4])
  const minute = Number(m[5])
  const second = m[6] === undefined ? 0 : Number(m[6])
  if (month < 1 || month > 12 || day < 1) return undefined
  const maxDay = month === 2 && !isLeap(year) ? 28 : DAYS_IN_MONTH[month - 1]!
  if (day > maxDay || hour > 23 || minute > 59 || second > 59) return undefined
  const millis = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000)
  let offsetMinutes = 0
  if (m[9] !== undefined) {
    const oh = Number(m[10])
    const om = Number(m[11])
    if (oh > 23 || om > 59) return undefined
    offsetMinutes = (m[9] === '-' ? -1 : 1) * (oh * 60 + om)
  }
  return Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60_000
}

/**
 * An ISO-8601 timestamp with an offset, decoded into the same instant written in UTC
 * (`2026-03-05T15:30:05+01:00` becomes `2026-03-05T14:30:05.000Z`).
 *
 * @since 0.1.0
 * @category timestamps
 */
export const IsoTimestamp = Schema.transformOrFail(
  Schema.String.annotations({
    title: 'IsoTimestamp',
    description: 'ISO-8601 date-time with an offset (Z, +hh:mm or +hhmm); normalised to UTC',
    jsonSchema: {
      type: 'string',
      pattern: ISO_WITH_OFFSET.source,
      description: 'ISO-8601 date-time with an offset (Z, +hh:mm or +hhmm); normalised to UTC',
    },
  }),
  Schema.String,
  {
    strict: true,
    decode: (text, _, ast) => {
      const ms = parseTimestamp(text)
      return ms === undefined
        ? ParseResult.fail(
            new ParseResult.Type(
              ast,
              text,
              `bad timestamp ${JSON.stringify(text)}: expected ISO-8601 with an offset`,
            ),
          )
        : ParseResult.succeed(new Date(ms).toISOString())
    },
    encode: (text) => ParseResult.succeed(text),
  },
)
