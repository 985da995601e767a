import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { stageEventJsonSchema } from '../src/index.js'

describe('docs/stage-event.schema.json', () => {
  it('matches the StageEvent schema (run `pnpm --filter @herbie/core schema` after changing it)', () => {
    const committed = readFileSync(new URL('../../../docs/stage-event.schema.json', import.meta.url), 'utf8')
    expect(committed).toBe(stageEventJsonSchema())
  })

  it('requires the six contract fields and allows the three optional ones', () => {
    const schema = JSON.parse(stageEventJsonSchema()) as {
      $defs: { StageEvent: { required: string[]; properties: object } }
    }
    expect(schema.$defs.StageEvent.required).toEqual(['id', 'itemId', 'stage', 'type', 'at', 'source'])
    expect(Object.keys(schema.$defs.StageEvent.properties)).toEqual([
      'id',
      'itemId',
      'stage',
      'type',
      'at',
      'source',
      'outcome',
      'links',
      'attributes',
    ])
  })
})
