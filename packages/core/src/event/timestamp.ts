import { ParseResult, Schema } from 'effect'

const ISO_WITH_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|z|([+-])(\d{2}):?(\d{2}))$/

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

const isLeap = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0

/**
 * The pattern {@link parseTimestamp} accepts (before the calendar check), as published in the JSON
 * Schema of the event.
 *
 * @since 0.1.0
 * @category timestamps
 */
export const TIMESTAMP_PATTERN = ISO_WITH_OFFSET.source

/**
 * Days from 1970-01-01 to a proleptic Gregorian date (month 1–12), by arithmetic alone: no Date
 * is made per event, and years 0–99 are read as written (Date.UTC would make them 1900–1999).
 */
const daysFromCivil = (year: number, month: number, day: number): number => {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yearOfEra = y - era * 400
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * 146_097 + dayOfEra - 719_468
}

const digit = (text: string, at: number): number => {
  const code = text.charCodeAt(at) - 48
  return code >= 0 && code <= 9 ? code : -1
}

/** Two digits at `at` as a number, or -1. */
const two = (text: string, at: number): number => {
  const a = digit(text, at)
  const b = digit(text, at + 1)
  return a < 0 || b < 0 ? -1 : a * 10 + b
}

/**
 * Parses an ISO-8601 date-time that carries an explicit offset (`Z`, `+02:00` or `+0200`) into
 * epoch milliseconds. Returns `undefined` for anything else: a missing offset, an impossible date
 * (February 30th), an out-of-range hour, minute or second. Reads characters directly (it runs once
 * per event on the hot path); a property test holds it to {@link TIMESTAMP_PATTERN}.
 *
 * @since 0.1.0
 * @category timestamps
 */
export const parseTimestamp = (text: string): number | undefined => {
  const length = text.length
  if (length < 17) return undefined
  const century = two(text, 0)
  const yy = two(text, 2)
  const month = two(text, 5)
  const day = two(text, 8)
  const hour = two(text, 11)
  const minute = two(text, 14)
  if (century < 0 || yy < 0 || month < 0 || day < 0 || hour < 0 || minute < 0) return undefined
  if (text[4] !== '-' || text[7] !== '-' || text[10] !== 'T' || text[13] !== ':') return undefined
  let at = 16
  let second = 0
  let millis = 0
  if (text[at] === ':') {
    second = two(text, at + 1)
    if (second < 0) return undefined
    at += 3
    if (text[at] === '.' || text[at] === ',') {
      at++
      const first = at
      let scale = 100
      while (at < length && digit(text, at) >= 0) {
        if (at - first < 3) millis += digit(text, at) * scale
        scale /= 10
        at++
      }
      if (at === first || at - first > 9) return undefined
    }
  }
  let offsetMinutes = 0
  const zone = text[at]
  if (zone === 'Z' || zone === 'z') {
    if (at + 1 !== length) return undefined
  } else if (zone === '+' || zone === '-') {
    const oh = two(text, at + 1)
    const colon = text[at + 3] === ':' ? 1 : 0
    const om = two(text, at + 3 + colon)
    if (oh < 0 || om < 0 || at + 5 + colon !== length || oh > 23 || om > 59) return undefined
    offsetMinutes = (zone === '-' ? -1 : 1) * (oh * 60 + om)
  } else return undefined
  const year = century * 100 + yy
  if (month < 1 || month > 12 || day < 1) return undefined
  const maxDay = month === 2 && !isLeap(year) ? 28 : DAYS_IN_MONTH[month - 1]!
  if (day > maxDay || hour > 23 || minute > 59 || second > 59) return undefined
  const days = daysFromCivil(year, month, day)
  return (((days * 24 + hour) * 60 + minute - offsetMinutes) * 60 + second) * 1000 + millis
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
      pattern: TIMESTAMP_PATTERN,
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
