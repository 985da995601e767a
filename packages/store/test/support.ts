import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { StageEventEncoded } from '@herbie/core'

/** A fresh folder for one test's store. */
export const tempStore = (name = 'events.sqlite'): string =>
  join(mkdtempSync(join(tmpdir(), 'herbie-store-')), name)

/** Event `n` of a simple numbered history: one enter a minute, ten items. */
export const numbered = (n: number): StageEventEncoded => ({
  id: `ev-${String(n).padStart(7, '0')}`,
  itemId: `github:acme/api#${n % 10}`,
  stage: 'review',
  type: 'enter',
  at: new Date(Date.parse('2025-01-01T00:00:00Z') + n * 60_000).toISOString(),
  source: 'github',
})
