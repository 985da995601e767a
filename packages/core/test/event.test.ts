import { Either, Schema } from 'effect'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fieldIssueOf, parseTimestamp, StageEvent, validateEvent } from '../src/index.js'

const decode = Schema.decodeUnknownEither(StageEvent)
const good = {
  id: 'e1',
  itemId: 'github:acme/api#42',
  stage: 'review',
  type: 'enter',
  at: '2026-03-05T15:30:05+01:00',
  source: 'github',
}

describe('StageEvent schema', () => {
  it('decodes a valid event and normalises the time to UTC', () => {
    const decoded = decode({
      ...good,
      outcome: 'success',
      links: [{ kind: 'pr', id: '42' }],
      attributes: { repo: 'acme/api', n: 1, ok: true },
    })
    expect(Either.getOrThrow(decoded).at).toBe('2026-03-05T14:30:05.000Z')
  })

  it.each([
    [{ ...good, itemId: undefined }, 'itemId', 'missing itemId'],
    [{ ...good, type: 'started' }, 'type', 'unknown type "started": expected "enter" or "exit"'],
    [
      { ...good, at: '2026-03-05T15:30:05' },
      'at',
      'bad timestamp "2026-03-05T15:30:05": expected ISO-8601 with an offset',
    ],
    [
      { ...good, at: '2026-02-30T10:00:00Z' },
      'at',
      'bad timestamp "2026-02-30T10:00:00Z": expected ISO-8601 with an offset',
    ],
    [{ ...good, stage: '' }, 'stage', 'stage must be a non-empty string'],
    [
      { ...good, outcome: 'ok' },
      'outcome',
      'unknown outcome "ok": expected "success", "failure" or "cancelled"',
    ],
    [
      { ...good, links: [{ kind: 'ticket', id: 'x' }] },
      'links[0].kind',
      'unknown link kind "ticket": expected issue, commit, pr, pipeline, deployment or environment',
    ],
    [
      { ...good, attributes: { nested: { a: 1 } } },
      'attributes.nested',
      'attribute "nested" must be a string, number or boolean',
    ],
    [[1, 2], '', 'expected a JSON object'],
  ])('rejects %j at %s', (value, field, reason) => {
    const result = decode(value)
    expect(Either.isLeft(result)).toBe(true)
    if (Either.isLeft(result)) expect(fieldIssueOf(value, result.left)).toEqual({ field, reason })
    expect(validateEvent(value)).toEqual({ field, reason })
  })

  it('parses offsets with and without a colon, and Jira style +0000', () => {
    expect(parseTimestamp('2026-03-02T09:15:00.000+0000')).toBe(Date.UTC(2026, 2, 2, 9, 15))
    expect(parseTimestamp('2026-03-02T09:15:00-05:30')).toBe(Date.UTC(2026, 2, 2, 14, 45))
    expect(parseTimestamp('2024-02-29T00:00:00Z')).toBe(Date.UTC(2024, 1, 29))
    expect(parseTimestamp('2025-02-29T00:00:00Z')).toBeUndefined()
    expect(parseTimestamp('2026-03-02T24:00:00Z')).toBeUndefined()
  })
})

const field = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.string({ maxLength: 3 }),
  fc.integer(),
  fc.boolean(),
  fc.constantFrom('enter', 'exit', 'success', 'failure', 'cancelled', 'pr', 'issue', 'commit'),
  fc.constantFrom(
    '2026-03-02T09:15:00Z',
    '2026-03-02T09:15:00.123+0530',
    '2026-13-02T09:15:00Z',
    '2026-03-02 09:15',
    '2026-03-02T09:15Z',
  ),
  fc.array(
    fc.record(
      { kind: fc.constantFrom('pr', 'deployment', 'nope', ''), id: fc.constantFrom('1', '', 7) },
      { requiredKeys: [] },
    ),
    { maxLength: 2 },
  ),
  fc.dictionary(
    fc.constantFrom('a', 'b'),
    fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant([1])),
  ),
  fc.constant([]),
)

const KEYS = ['id', 'itemId', 'stage', 'type', 'at', 'source', 'outcome', 'links', 'attributes'] as const

const validBase = fc.record(
  {
    id: fc.string({ minLength: 1, maxLength: 4 }),
    itemId: fc.string({ minLength: 1, maxLength: 4 }),
    stage: fc.constantFrom('review', 'ci'),
    type: fc.constantFrom('enter', 'exit'),
    at: fc
      .date({ min: new Date('1990-01-01'), max: new Date('2090-01-01'), noInvalidDate: true })
      .map((d) => d.toISOString()),
    source: fc.constantFrom('github', 'jira'),
    outcome: fc.constantFrom('success', 'failure', 'cancelled'),
    links: fc.array(
      fc.record({ kind: fc.constantFrom('pr', 'commit', 'environment'), id: fc.constantFrom('1', 'main') }),
      { maxLength: 2 },
    ),
    attributes: fc.dictionary(
      fc.constantFrom('repo', 'n'),
      fc.oneof(fc.string(), fc.integer(), fc.boolean()),
    ),
  },
  { requiredKeys: ['id', 'itemId', 'stage', 'type', 'at', 'source'] },
)

/** A valid event with zero to two fields replaced by arbitrary values (or removed). */
const candidate = fc
  .tuple(validBase, fc.subarray([...KEYS], { maxLength: 2 }), fc.array(field, { minLength: 2, maxLength: 2 }))
  .map(([base, keys, values]) => {
    const value: Record<string, unknown> = { ...base }
    keys.forEach((key, i) => {
      value[key] = values[i]
    })
    return value
  })

describe('the fast decoder and the schema agree', () => {
  it('accept and reject exactly the same values, on the same field, with the same time', () => {
    let accepted = 0
    let rejected = 0
    fc.assert(
      fc.property(candidate, (raw) => {
        const value = JSON.parse(JSON.stringify(raw)) as unknown
        const schema = decode(value)
        const fast = validateEvent(value)
        if (Either.isRight(schema)) {
          accepted++
          expect(typeof fast).toBe('number')
          expect(new Date(fast as number).toISOString()).toBe(schema.right.at)
        } else {
          rejected++
          expect(fast).toEqual(fieldIssueOf(value, schema.left))
        }
      }),
      { numRuns: 3000 },
    )
    // The generator must exercise both sides, or the agreement proves nothing.
    expect(accepted).toBeGreaterThan(50)
    expect(rejected).toBeGreaterThan(50)
  })
})
