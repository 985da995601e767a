import { describe, expect, it } from 'vitest'
import { files, herbie } from './support/run.js'

const DAY = 86_400_000
/** Two items done each day for ten days, 2026-03-01 to 03-10. */
const steady = Array.from({ length: 20 }, (_, i) => {
  const at = (h: number) =>
    new Date(Date.parse('2026-03-01T00:00:00Z') + Math.floor(i / 2) * DAY + h * 3_600_000).toISOString()
  return [
    { id: `${i}a`, itemId: `I${i}`, stage: 'develop', type: 'enter', at: at(1), source: 't' },
    { id: `${i}b`, itemId: `I${i}`, stage: 'done', type: 'enter', at: at(9), source: 't' },
  ]
})
  .flat()
  .map((event) => JSON.stringify(event))
  .join('\n')

describe('herbie forecast', () => {
  const file = () => files({ 'events.ndjson': `${steady}\n` })['events.ndjson']!

  it('answers when and how many at 50, 85 and 95%, naming the history', () => {
    const { code, stdout } = herbie(
      'forecast',
      '--events',
      file(),
      '--items',
      '9',
      '--by',
      '2026-03-15',
      '--trials',
      '500',
    )
    expect(code).toBe(0)
    expect(stdout.trim()).toBe(
      [
        'History: 2026-03-01 to 2026-03-10 (10 days), 20 items done, 2.0 a day on average.',
        '500 trials, counting from 2026-03-11.',
        '',
        'When will 9 more items be done?',
        '  50% likely by 2026-03-15 (5 days)',
        '  85% likely by 2026-03-15 (5 days)',
        '  95% likely by 2026-03-15 (5 days)',
        '',
        'How many items by 2026-03-15 (5 days)?',
        '  50% likely: at least 10',
        '  85% likely: at least 10',
        '  95% likely: at least 10',
      ].join('\n'),
    )
  })

  it('--json prints the forecast object; the same seed gives the same answer', () => {
    const run = () =>
      JSON.parse(herbie('forecast', '--events', file(), '--items', '30', '--history', '4', '--json').stdout)
    const first = run()
    expect(first.history).toEqual({ from: '2026-03-07', to: '2026-03-10', completed: 8, days: 4, perDay: 2 })
    expect(first.when.days).toEqual({ p50: 15, p85: 15, p95: 15 })
    expect(run()).toEqual(first)
  })

  it('bad usage and impossible forecasts are bad input (exit 2) with one clear line', () => {
    const none = herbie('forecast', '--events', file())
    expect([none.code, none.stderr.trim()]).toEqual([2, 'error: give --items N, --by DATE, or both'])
    const date = herbie('forecast', '--events', file(), '--by', 'next week')
    expect(date.code).toBe(2)
    expect(date.stderr).toContain('--by "next week" is not a date')
    const past = herbie('forecast', '--events', file(), '--by', '2026-03-01')
    expect([past.code, past.stderr.trim()]).toEqual([
      2,
      "error: 2026-03-01 is not after the history's last day, 2026-03-10",
    ])
    const zero = herbie('forecast', '--events', file(), '--items', '0')
    expect([zero.code, zero.stderr.trim()]).toEqual([2, 'error: --items must be at least 1 (got 0)'])
  })
})
