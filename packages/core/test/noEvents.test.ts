import { Effect } from 'effect'
import { describe, expect, it } from 'vitest'
import { forecastNdjson, NoEvents, whatIfNdjson } from '../src/index.js'

describe('no valid event is bad input, named by its source', () => {
  const inputs = [
    ['an empty file', []],
    ['only invalid lines, skipped', ['{"id": 1}\n', 'not json\n']],
  ] as const

  it.each(inputs)('forecast: %s', async (_, chunks) => {
    const error = await Effect.runPromise(
      Effect.flip(forecastNdjson(chunks, { sourceName: 'e.ndjson', skipInvalid: true, items: 3 })),
    )
    expect(error).toEqual(new NoEvents({ source: 'e.ndjson' }))
    expect(error.message).toBe('no events in e.ndjson')
  })

  it.each(inputs)('what-if: %s', async (_, chunks) => {
    const error = await Effect.runPromise(
      Effect.flip(whatIfNdjson(chunks, { sourceName: 'e.ndjson', skipInvalid: true, scenarios: [] })),
    )
    expect(error).toEqual(new NoEvents({ source: 'e.ndjson' }))
  })
})
