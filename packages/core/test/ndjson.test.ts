import { Effect, Exit } from 'effect'
import { describe, expect, it } from 'vitest'
import { analyzeNdjson, InvalidEvents, type InvalidLine, scanNdjson } from '../src/index.js'
import { ev } from './support/events.js'
import { story } from './support/story.js'

const lines = story.map((event) => JSON.stringify(event))

/** Yields the text in chunks of `size` bytes, so lines (and characters) are cut anywhere. */
async function* chunked(text: string, size: number): AsyncIterable<Uint8Array> {
  const bytes = new TextEncoder().encode(text)
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size)
}

const failure = <A, E>(exit: Exit.Exit<A, E>): E => {
  if (Exit.isSuccess(exit)) throw new Error('expected a failure')
  const error = exit.cause._tag === 'Fail' ? exit.cause.error : undefined
  if (error === undefined) throw new Error(`unexpected cause ${exit.cause._tag}`)
  return error
}

describe('scanNdjson', () => {
  it('reads lines split across chunks anywhere, multi-byte characters included', async () => {
    const text = `${JSON.stringify(ev('ü-é', 'review', 'enter', 1, { attributes: { who: 'Zoë 🚀' } }))}\r\n\n${lines.join('\n')}`
    for (const size of [1, 3, 7, 64, 1 << 16]) {
      const seen: string[] = []
      const summary = await scanNdjson(
        chunked(text, size),
        (event) => {
          seen.push(event.itemId as string)
          return undefined
        },
        () => {},
      )
      expect(summary).toEqual({ lines: lines.length + 2, valid: lines.length + 1, invalid: 0 })
      expect(seen[0]).toBe('ü-é')
    }
  })

  it('reports each invalid line with its number, field and reason', async () => {
    const text = [
      '{"id":',
      lines[0],
      '',
      JSON.stringify({ ...story[1], type: 'begin' }),
      JSON.stringify({ ...story[2], itemId: undefined }),
    ].join('\n')
    const invalid: InvalidLine[] = []
    await scanNdjson(
      [text],
      () => undefined,
      (line) => invalid.push(line),
    )
    expect(invalid.map(({ line, field }) => [line, field])).toEqual([
      [1, ''],
      [4, 'type'],
      [5, 'itemId'],
    ])
    expect(invalid[0]!.reason).toMatch(/^not JSON: /)
    expect(invalid[2]!.reason).toBe('missing itemId')
  })
})

describe('analyzeNdjson', () => {
  it('analyses a valid stream', async () => {
    const report = await Effect.runPromise(analyzeNdjson(chunked(lines.join('\n'), 100)))
    expect(report.items.completed).toBe(2)
    expect(report.input).toEqual({
      lines: lines.length,
      events: lines.length,
      duplicates: 0,
      idCollisions: { count: 0, samples: [] },
      skippedLines: 0,
    })
  })

  it('counts a repeated event id once', async () => {
    const report = await Effect.runPromise(analyzeNdjson([[...lines, lines[3], lines[3]].join('\n')]))
    expect(report.input.duplicates).toBe(2)
    expect(report.input.events).toBe(lines.length)
    expect(report.items.completed).toBe(2)
    expect(report.warnings).toContain('2 events repeated an id and were counted once.')
  })

  it('counts repeats once in an item with many events too', async () => {
    const many = Array.from({ length: 100 }, (_, i) =>
      JSON.stringify(ev('long', 'review', i % 2 === 0 ? 'enter' : 'exit', i)),
    )
    const report = await Effect.runPromise(analyzeNdjson([[...many, ...many.slice(0, 70)].join('\n')]))
    expect(report.input).toMatchObject({ events: 100, duplicates: 70 })
    expect(report.stages.find((stage) => stage.name === 'review')!.arrivals).toBe(50)
  })

  it('counts an id reused by another item once, and names both items and lines', async () => {
    // Item D enters review with A's develop enter id: the first one counts, D's is left out.
    const reused = JSON.stringify({ ...ev('D', 'review', 'enter', 3), id: story[2]!.id })
    const report = await Effect.runPromise(analyzeNdjson([[...lines, reused].join('\n')]))
    expect(report.input).toEqual({
      lines: lines.length + 1,
      events: lines.length,
      duplicates: 0,
      idCollisions: {
        count: 1,
        samples: [
          {
            id: 'A/develop/enter/2',
            kept: { line: 3, itemId: 'A', stage: 'develop', type: 'enter' },
            dropped: { line: lines.length + 1, itemId: 'D', stage: 'review', type: 'enter' },
          },
        ],
      },
      skippedLines: 0,
    })
    expect(report.items.total).toBe(3)
    expect(report.warnings).toContain(
      `1 event reuses the id of an earlier event with other content and was left out (the first one counts): id "A/develop/enter/2" (line 3: item A, develop enter; again line ${lines.length + 1}: item D, review enter).`,
    )
  })

  it('counts an id reused for another stage of the same item once, in a short item and a long one', async () => {
    const short = [
      ev('S', 'develop', 'enter', 0),
      { ...ev('S', 'review', 'enter', 1), id: 'S/develop/enter/0' },
    ]
    const long = Array.from({ length: 100 }, (_, i) => ev('L', 'review', i % 2 === 0 ? 'enter' : 'exit', i))
    const events = [...short, ...long, { ...ev('L', 'ci', 'enter', 3), id: long[3]!.id }]
    const report = await Effect.runPromise(
      analyzeNdjson([events.map((event) => JSON.stringify(event)).join('\n')]),
    )
    expect(report.input).toMatchObject({ events: 101, duplicates: 0, idCollisions: { count: 2 } })
    expect(report.stages.find((stage) => stage.name === 'review')!.arrivals).toBe(50)
    expect(report.stages.find((stage) => stage.name === 'ci')!.arrivals).toBe(0)
  })

  it('rejects a file with invalid lines, listing them all up to the cap', async () => {
    const bad = [
      ...lines,
      '{"id":"x"}',
      'nope',
      JSON.stringify({ ...story[0], id: 'u1', stage: 'qa' }),
      JSON.stringify({ ...story[0], id: 'u2', stage: 'uat' }),
    ]
    const error = failure(
      await Effect.runPromiseExit(
        analyzeNdjson([bad.join('\n')], { sourceName: 'events.ndjson', maxErrors: 3 }),
      ),
    )
    expect(error).toBeInstanceOf(InvalidEvents)
    const invalid = error as InvalidEvents
    expect(invalid.count).toBe(4)
    expect(invalid.invalid.map((line) => line.line)).toEqual([
      lines.length + 1,
      lines.length + 2,
      lines.length + 3,
    ])
    expect(invalid.unknownStages).toEqual(['qa', 'uat'])
    expect(invalid.message).toBe('events.ndjson: 4 invalid lines; stages not in the value stream: qa, uat')
    expect(invalid.invalid[2]!.reason).toMatch(
      /^unknown stage "qa": not in the value stream \(backlog, develop/,
    )
  })

  it('with skipInvalid analyses the rest and says how many lines were skipped', async () => {
    const report = await Effect.runPromise(
      analyzeNdjson([[...lines, 'nope', '{}'].join('\n')], { skipInvalid: true }),
    )
    expect(report.input.skippedLines).toBe(2)
    expect(report.warnings[0]).toBe('2 invalid lines were skipped.')
    expect(report.items.completed).toBe(2)
  })

  it('rejects a window that ends before it starts', async () => {
    const exit = await Effect.runPromiseExit(
      analyzeNdjson([lines.join('\n')], { from: Date.UTC(2026, 2, 3), to: Date.UTC(2026, 2, 2) }),
    )
    expect(failure(exit)).toMatchObject({ _tag: 'InvalidWindow' })
  })

  it('fails with SourceUnreadable when the source breaks mid-way', async () => {
    async function* broken(): AsyncIterable<string> {
      yield `${lines[0]}\n`
      throw new Error('connection reset')
    }
    const exit = await Effect.runPromiseExit(analyzeNdjson(broken(), { sourceName: 'remote' }))
    expect(failure(exit)).toMatchObject({
      _tag: 'SourceUnreadable',
      source: 'remote',
      reason: 'connection reset',
    })
  })
})
