import type { StageEventEncoded } from '@herbie/core'

/**
 * Event `n` of a simple numbered history, for store tests: one `review` enter a minute from
 * 2025-01-01, over ten items, with ids that sort as the numbers do (`ev-0000042`).
 *
 * @since 0.1.0
 * @category event store
 */
export const numberedEvent = (n: number): StageEventEncoded => ({
  id: `ev-${String(n).padStart(7, '0')}`,
  itemId: `github:acme/api#${n % 10}`,
  stage: 'review',
  type: 'enter',
  at: new Date(Date.parse('2025-01-01T00:00:00Z') + n * 60_000).toISOString(),
  source: 'github',
})
