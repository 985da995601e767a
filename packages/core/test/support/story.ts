import { ev, stay } from './events.js'

const prod = { outcome: 'success' as const, attributes: { environment: 'production' } }

/**
 * Three items on the default stream, hours after T0 (hand-computed values in metrics.test.ts):
 * A goes straight through with an implicit gap before deploy; B is sent back from review to
 * develop once; C still waits for review at the end.
 */
export const story = [
  ...stay('A', 'backlog', 0, 2),
  ...stay('A', 'develop', 2, 10),
  ...stay('A', 'review-queue', 10, 14),
  ...stay('A', 'review', 14, 16),
  ...stay('A', 'ci', 16, 17, { outcome: 'success' }),
  ...stay('A', 'deploy', 18, 19, prod),
  ev('A', 'done', 'enter', 19),
  ...stay('B', 'develop', 4, 8),
  ...stay('B', 'review-queue', 8, 12),
  ...stay('B', 'review', 12, 13),
  ...stay('B', 'develop', 13, 15),
  ...stay('B', 'review-queue', 15, 17),
  ...stay('B', 'review', 17, 18),
  ...stay('B', 'ci', 18, 20, { outcome: 'success' }),
  ...stay('B', 'deploy-queue', 20, 21),
  ...stay('B', 'deploy', 21, 22, prod),
  ev('B', 'done', 'enter', 22),
  ...stay('C', 'backlog', 1, 6),
  ...stay('C', 'develop', 6, 12),
  ...stay('C', 'review-queue', 12),
]
