import type { MetricKind } from './CheckMetric.js'

const DURATION_UNITS: Readonly<Record<string, number>> = {
  s: 1,
  m: 60,
  min: 60,
  h: 3600,
  d: 86_400,
  w: 604_800,
}
const RATE_UNITS: Readonly<Record<string, number>> = { d: 1, day: 1, w: 1 / 7, week: 1 / 7 }

const NUMBER = '(\\d+(?:\\.\\d+)?|\\.\\d+)'
const DURATION = new RegExp(`^${NUMBER}\\s*(s|m|min|h|d|w)?$`)
const RATE = new RegExp(`^${NUMBER}\\s*(?:/\\s*(d|day|w|week))?$`)
const SHARE = new RegExp(`^${NUMBER}\\s*(%)?$`)
const COUNT = new RegExp(`^${NUMBER}$`)

const EXAMPLES: Readonly<Record<MetricKind, string>> = {
  duration: 'a duration such as 5d, 12h, 30m or 90s',
  rate: 'a rate per day such as 0.5/d or 3/w',
  share: 'a share such as 0.2 or 20%',
  count: 'a number such as 8',
}

/**
 * A threshold's limit in the unit the report uses for its kind (seconds, per day, a share
 * 0..1, a count), or a message saying what was expected.
 *
 * @since 0.1.0
 * @category check
 */
export const limitValue = (kind: MetricKind, text: string): number | { readonly problem: string } => {
  const trimmed = text.trim()
  const expected = { problem: `${JSON.stringify(text)} is not ${EXAMPLES[kind]}` }
  if (kind === 'duration') {
    const match = DURATION.exec(trimmed)
    return match === null ? expected : Number(match[1]) * DURATION_UNITS[match[2] ?? 's']!
  }
  if (kind === 'rate') {
    const match = RATE.exec(trimmed)
    return match === null ? expected : Number(match[1]) * RATE_UNITS[match[2] ?? 'd']!
  }
  if (kind === 'share') {
    const match = SHARE.exec(trimmed)
    if (match === null) return expected
    const share = match[2] === '%' ? Number(match[1]) / 100 : Number(match[1])
    return share > 1 ? { problem: `${JSON.stringify(text)} is more than 100%` } : share
  }
  const match = COUNT.exec(trimmed)
  return match === null ? expected : Number(match[1])
}
