import { defaultValueStream, type ValueStream } from './ValueStream.js'

/**
 * The stream for work followed across sources (a tracker, code review, CI, deployments):
 * backlog → refine → ready → develop → review-queue → review → ci → deploy-queue → deploy →
 * done, committed at develop (a tracker's In Progress, or the first commit when that comes
 * first). Refinement is work on the idea; ready is the queue in front of development.
 *
 * @since 0.1.0
 * @category value stream
 */
export const multiSourceValueStream: ValueStream = {
  ...defaultValueStream,
  name: 'multi-source',
  stages: [
    defaultValueStream.stages[0]!,
    { name: 'refine', activity: 'work' },
    { name: 'ready', activity: 'wait' },
    ...defaultValueStream.stages.slice(1),
  ],
}
