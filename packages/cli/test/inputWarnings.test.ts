import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startOtlpReceiver } from './support/otlpReceiver.js'
import { files, herbie, herbieIn } from './support/run.js'
import { teamEvents } from './support/team.js'

/** Thirty days of a small team, then three lines that need a warning. */
const simulated = teamEvents({ seed: 5, days: 30, perDay: 6, developCv: 0.6 })
const first = simulated[0]!
const lines = [
  ...simulated.map((event) => JSON.stringify(event)),
  'not json',
  JSON.stringify({ ...first, itemId: 'X', stage: 'review' }),
  JSON.stringify({
    id: 'Y/review/exit',
    itemId: 'Y',
    stage: 'review',
    type: 'exit',
    at: first.at,
    source: 't',
  }),
]
const n = simulated.length
const expected = [
  'warning: 1 invalid lines were skipped.',
  'warning: 1 exits with no matching enter (ignored): Y',
  `warning: 1 event reuses the id of an earlier event with other content and was left out (the first one counts): id "${first.id}" (line 1: item ${first.itemId}, develop enter; again line ${n + 2}: item X, review enter).`,
]
const warnings = (stderr: string) => stderr.split('\n').filter((line) => line.startsWith('warning: '))

describe('every command that reads events warns about its input as analyze does', () => {
  const file = () => files({ 'events.ndjson': `${lines.join('\n')}\n` })['events.ndjson']!
  let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>
  beforeAll(async () => {
    receiver = await startOtlpReceiver()
  })
  afterAll(() => receiver.close())

  it('analyze lists them in its report', () => {
    const { code, stdout } = herbie('analyze', '--events', file(), '--skip-invalid', '--json')
    expect(code).toBe(0)
    expect(JSON.parse(stdout).warnings.map((warning: string) => `warning: ${warning}`)).toEqual(expected)
  })

  it('simulate, on stderr, and in its JSON with the input counts', () => {
    const { code, stdout, stderr } = herbie(
      'simulate',
      '--events',
      file(),
      '--skip-invalid',
      '--replications',
      '2',
      '--horizon',
      '5',
      '--json',
    )
    expect(code).toBe(0)
    expect(warnings(stderr)).toEqual(expected)
    const result = JSON.parse(stdout)
    expect(result.input).toMatchObject({ lines: n + 3, events: n + 1, skippedLines: 1, duplicates: 0 })
    expect(result.input.idCollisions.count).toBe(1)
  })

  it('forecast, on stderr', () => {
    const { code, stderr } = herbie('forecast', '--events', file(), '--skip-invalid', '--items', '5')
    expect(code).toBe(0)
    expect(warnings(stderr)).toEqual(expected)
  })

  it('export, on stderr', async () => {
    const { code, stderr } = await herbieIn(
      {},
      'export',
      '--events',
      file(),
      '--skip-invalid',
      '--otlp',
      receiver.url,
    )
    expect(code).toBe(0)
    expect(warnings(stderr)).toEqual(expected)
  })
})
