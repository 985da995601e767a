import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseTimestamp, TIMESTAMP_PATTERN } from '../src/index.js'

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/** The reference: the published pattern, then the calendar, then the instant from the parts. */
const reference = (text: string): number | undefined => {
  const m = new RegExp(TIMESTAMP_PATTERN).exec(text)
  if (m === null) return undefined
  const [year, month, day, hour, minute] = [1, 2, 3, 4, 5].map((i) => Number(m[i]))
  const second = m[6] === undefined ? 0 : Number(m[6])
  const leap = (year! % 4 === 0 && year! % 100 !== 0) || year! % 400 === 0
  const maxDay = month === 2 && !leap ? 28 : DAYS[month! - 1]
  if (month! < 1 || month! > 12 || day! < 1 || day! > maxDay! || hour! > 23 || minute! > 59 || second > 59)
    return undefined
  const oh = m[10] === undefined ? 0 : Number(m[10])
  const om = m[11] === undefined ? 0 : Number(m[11])
  if (oh > 23 || om > 59) return undefined
  const millis = m[7] === undefined ? 0 : Number(m[7].padEnd(3, '0').slice(0, 3))
  const utc = new Date(0)
  utc.setUTCFullYear(year!, month! - 1, day!)
  utc.setUTCHours(hour!, minute!, second, millis)
  return utc.getTime() - (m[9] === '-' ? -1 : 1) * (oh * 60 + om) * 60_000
}

/** Mostly one of the valid spellings, sometimes a broken one. */
const piece = (valid: string[], broken: string[]) =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...valid), weight: 12 },
    { arbitrary: fc.constantFrom(...broken), weight: 1 },
  )

const timestamp = fc
  .tuple(
    piece(['2026', '2024', '1999', '0050', '2100'], ['20x6', '202']),
    piece(['-'], ['/', '']),
    piece(['01', '02', '12'], ['13', '00', '1']),
    piece(['-'], ['']),
    piece(['01', '28', '29', '30', '31'], ['32', '00']),
    piece(['T'], ['t', ' ']),
    piece(['00', '09', '23'], ['24']),
    piece([':'], ['']),
    piece(['00', '59'], ['60']),
    piece(['', ':00', ':59'], [':60', ':5']),
    piece(['', '.1', '.123', '.123456789', ',5'], ['.1234567890', '.']),
    piece(['Z', 'z', '+00:00', '+0000', '-05:30', '+14:00'], ['+24:00', '+01:60', '+1', '', 'ZZ']),
  )
  .map((parts) => parts.join(''))

describe('parseTimestamp', () => {
  it('agrees with the published pattern and the calendar on every candidate', () => {
    let accepted = 0
    fc.assert(
      fc.property(timestamp, (text) => {
        const expected = reference(text)
        if (expected !== undefined) accepted++
        expect(parseTimestamp(text)).toBe(expected)
      }),
      { numRuns: 5000 },
    )
    expect(accepted).toBeGreaterThan(100)
  })

  it('handles years before 100 and fractions beyond milliseconds', () => {
    expect(new Date(parseTimestamp('0050-01-01T00:00:00Z')!).toISOString()).toBe('0050-01-01T00:00:00.000Z')
    for (const text of [
      '0000-01-01T00:00:00.000Z',
      '0001-03-01T00:00:00.000Z',
      '1600-02-29T12:00:00.000Z',
      '1900-03-01T00:00:00.000Z',
      '1969-12-31T23:59:59.999Z',
      '2000-02-29T00:00:00.000Z',
      '9999-12-31T23:59:59.999Z',
    ])
      expect(new Date(parseTimestamp(text)!).toISOString()).toBe(text)
    expect(parseTimestamp('2026-03-02T09:15:00.123456789Z')).toBe(Date.UTC(2026, 2, 2, 9, 15, 0, 123))
  })
})
