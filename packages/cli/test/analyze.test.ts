import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { files, herbie, line, twoItems } from './support/run.js'

const H = 3600

describe('herbie analyze', () => {
  const input = files({
    'events.ndjson': `${twoItems.join('\n')}\n`,
    'events.ndjson.gz': gzipSync(twoItems.join('\n')),
  })

  it('--json prints one object with the documented keys and exact values', () => {
    const { code, stdout, stderr } = herbie('analyze', '--events', input['events.ndjson']!, '--json')
    expect(stderr).toBe('')
    expect(code).toBe(0)
    const report = JSON.parse(stdout)
    expect(report.window).toMatchObject({ from: '2026-03-02T00:00:00.000Z', to: '2026-03-02T08:00:00.000Z' })
    expect(report.items).toEqual({ total: 2, completed: 2, inProgress: 0, abandoned: 0 })
    expect(report.leadTime).toMatchObject({ p50: 6.5 * H, mean: 6.5 * H })
    expect(report.cycleTime).toMatchObject({ p50: 6.5 * H })
    expect(report.flowEfficiency).toBeCloseTo((5 + 4) / 13, 12) // A 4+1 h of work, B 2+2 h
    expect(report.throughputPerDay).toBeCloseTo(2 / (8 / 24), 12)
    const review = report.stages.find((stage: { name: string }) => stage.name === 'review')
    expect(review).toMatchObject({ name: 'review', activity: 'work', arrivals: 2, departures: 2, wipNow: 0 })
    expect(review.waitBefore).toMatchObject({ p50: 2 * H, mean: 2 * H })
    expect(review.timeInStage).toMatchObject({ p50: 1.5 * H })
    for (const key of ['throughputPerDay', 'avgWip', 'queueGrowthPerDay', 'littleLawDeviation'])
      expect(review).toHaveProperty(key)
    expect(report.constraint).toHaveProperty('stage')
    expect(report.constraint).toHaveProperty('confidence')
    expect(Array.isArray(report.constraint.ranking)).toBe(true)
    expect(Array.isArray(report.constraint.evidence)).toBe(true)
    expect(report.constraintTimeline).toEqual([
      {
        from: '2026-03-02T00:00:00.000Z',
        to: '2026-03-02T08:00:00.000Z',
        stage: null,
        confidence: 0,
        missing: '2 items done; at least 30 are needed to name a constraint.',
        evidence: [],
        change: null,
      },
    ])
    expect(report.warnings).toEqual([])
    expect(report).not.toHaveProperty('dora')
  })

  it('reads gzip-compressed events', () => {
    const plain = JSON.parse(herbie('analyze', '--events', input['events.ndjson']!, '--json').stdout)
    const gz = JSON.parse(herbie('analyze', '--events', input['events.ndjson.gz']!, '--json').stdout)
    expect(gz).toEqual(plain)
  })

  it('prints a readable report: the stage table, the constraint sentence, what not to optimise', () => {
    const { code, stdout } = herbie('analyze', '--events', input['events.ndjson']!)
    expect(code).toBe(0)
    expect(stdout).toMatch(
      /^stage +kind +wait before \(p50\) +time in stage \(p50\) +avg WIP +WIP now +done\/day/m,
    )
    expect(stdout).toMatch(/^review +work +2\.0 h +1\.5 h +0\.4 +0 +6\.0 +\+1\.13 +0$/m)
    expect(stdout).toContain(
      'Durations in the table are medians (p50); the evidence below uses means, which capacity is computed from.',
    )
    // Two items done are too few to name a constraint.
    expect(stdout).toContain(
      'No constraint named: 2 items done; at least 30 are needed to name a constraint.',
    )
    // No constraint named: no timeline line either.
    expect(stdout).not.toContain('The constraint did not move')
    expect(stdout).not.toContain('The constraint moved')
  })

  it('writes the window as human dates, without milliseconds, and says where items are done', () => {
    const { stdout } = herbie('analyze', '--events', input['events.ndjson']!)
    expect(stdout.split('\n').slice(0, 2)).toEqual([
      'Window 2026-03-02 00:00 UTC → 2026-03-02 08:00 UTC (0.3 days)',
      'Done is the entry into the done stage.',
    ])
  })

  it('when nothing was done, lead time, cycle time and throughput are null in --json and a sentence in the report', () => {
    const open = files({
      'open.ndjson': `${twoItems.filter((event) => !event.includes('"done"')).join('\n')}\n`,
    })['open.ndjson']!
    const report = JSON.parse(herbie('analyze', '--events', open, '--json').stdout)
    expect(report.items).toEqual({ total: 2, completed: 0, inProgress: 2, abandoned: 0 })
    expect(report.leadTime).toBeNull()
    expect(report.cycleTime).toBeNull()
    expect(report.throughputPerDay).toBeNull()
    expect(report.flowEfficiency).toBeNull()
    expect(report.constraint).toMatchObject({
      stage: null,
      missing: 'No item was done in the window; at least 30 are needed to name a constraint.',
    })
    const { stdout } = herbie('analyze', '--events', open)
    expect(stdout).toContain(
      'No item was done in this window, so lead time, cycle time, throughput and flow efficiency are not known.',
    )
    expect(stdout).not.toMatch(/Lead time|throughput 0|confidence 0%/)
    expect(stdout).toContain('No constraint named: No item was done in the window')
  })

  it('honours --from/--to', () => {
    const { stdout } = herbie(
      'analyze',
      '--events',
      input['events.ndjson']!,
      '--json',
      '--from',
      '2026-03-02T00:00:00Z',
      '--to',
      '2026-03-02T07:00:00Z',
    )
    expect(JSON.parse(stdout).items).toEqual({ total: 2, completed: 1, inProgress: 1, abandoned: 0 })
  })

  it('uses a value stream from --stream, and rejects events of stages it lacks, listing them', () => {
    const stream = files({
      'stream.json': JSON.stringify({
        stages: [
          { name: 'develop', activity: 'work' },
          { name: 'done', activity: 'wait' },
        ],
        commitment: 'develop',
        done: 'done',
      }),
    })
    const { code, stderr, stdout } = herbie(
      'analyze',
      '--events',
      input['events.ndjson']!,
      '--stream',
      stream['stream.json']!,
    )
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr.split('\n')[0]).toBe(
      `error: ${input['events.ndjson']}: 8 invalid lines; stages not in the value stream: review, review-queue (use --skip-invalid to analyse the valid lines)`,
    )
    expect(stderr).toContain(
      '  line 3: stage: unknown stage "review-queue": not in the value stream (develop, done)',
    )
  })

  it('an invalid stream file names the file and the field', () => {
    const stream = files({
      'bad.json': JSON.stringify({
        stages: [{ name: 'develop', activity: 'working' }],
        commitment: 'develop',
        done: 'shipped',
      }),
    })
    const { code, stderr } = herbie(
      'analyze',
      '--events',
      input['events.ndjson']!,
      '--stream',
      stream['bad.json']!,
    )
    expect(code).toBe(2)
    expect(stderr).toMatch(
      new RegExp(`^error: stream ${stream['bad.json']} is invalid: stages\\.0\\.activity: `),
    )
  })
})

describe('herbie analyze on bad input', () => {
  const bad = files({
    'bad.ndjson': [
      twoItems[0],
      '{"id": 1',
      line('A', 'review', 'begin' as 'enter', 2),
      twoItems[1],
      JSON.stringify({ id: 'x', stage: 'ci', type: 'enter', at: '2026-03-02T01:00:00Z', source: 's' }),
      line('A', 'ci', 'enter', 1, { at: 'yesterday' }),
    ].join('\n'),
  })

  it('rejects the file with every invalid line: number, field and why; exit 2, no stack trace', () => {
    const { code, stderr, stdout } = herbie('analyze', '--events', bad['bad.ndjson']!)
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr.trim().split('\n')).toEqual([
      `error: ${bad['bad.ndjson']}: 4 invalid lines (use --skip-invalid to analyse the valid lines)`,
      expect.stringMatching(/^ {2}line 2: not JSON: /),
      '  line 3: type: unknown type "begin": expected "enter" or "exit"',
      '  line 5: itemId: missing itemId',
      '  line 6: at: bad timestamp "yesterday": expected ISO-8601 with an offset',
    ])
    expect(stderr).not.toMatch(/\bat .*\.js:\d+/)
  })

  it('--skip-invalid analyses the rest and says how many lines were skipped', () => {
    const { code, stdout } = herbie('analyze', '--events', bad['bad.ndjson']!, '--skip-invalid', '--json')
    expect(code).toBe(0)
    const report = JSON.parse(stdout)
    expect(report.input.skippedLines).toBe(4)
    expect(report.warnings[0]).toBe('4 invalid lines were skipped.')
  })

  it('a missing file is bad input (exit 2) named in one line', () => {
    const { code, stderr } = herbie('analyze', '--events', '/nonexistent/events.ndjson')
    expect(code).toBe(2)
    expect(stderr.trim()).toBe('error: cannot read events /nonexistent/events.ndjson: no such file')
    expect(stderr.trim().split('\n')).toHaveLength(1)
  })

  it('a malformed --from is bad usage (exit 2)', () => {
    const { code, stderr } = herbie('analyze', '--events', bad['bad.ndjson']!, '--from', 'last tuesday')
    expect(code).toBe(2)
    expect(stderr.trim()).toBe(
      'error: --from "last tuesday" is not a date: use ISO-8601 like 2026-03-01 or 2026-03-01T09:00:00Z',
    )
  })

  it('a missing required option is bad usage (exit 2)', () => {
    expect(herbie('analyze').code).toBe(2)
  })
})

describe('herbie', () => {
  it('--version prints the version', () => {
    const { code, stdout } = herbie('--version')
    expect(code).toBe(0)
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+/)
  })

  it.each([['analyze'], ['demo']])('%s --help documents its options', (command) => {
    const { code, stdout } = herbie(command, '--help')
    expect(code).toBe(0)
    expect(stdout).toContain('--json')
  })
})
