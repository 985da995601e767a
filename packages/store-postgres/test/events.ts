import type { StageEventEncoded } from '@herbie/core'

/** Event `n` of a numbered history: one enter a minute over ten items. */
export const numbered = (n: number): StageEventEncoded => ({
  id: `ev-${String(n).padStart(7, '0')}`,
  itemId: `github:acme/api#${n % 10}`,
  stage: 'review',
  type: 'enter',
  at: new Date(Date.parse('2025-01-01T00:00:00Z') + n * 60_000).toISOString(),
  source: 'github',
})
