import type { StageEventEncoded, StageMapping } from '@herbie/core'
import type { Activity, PullRequest } from './api.js'

/** Bitbucket facts and the default stage of each. */
export const defaultStages = {
  'pullrequest.awaiting-review': 'review-queue',
  'pullrequest.in-review': 'review',
  'pullrequest.merged': 'done',
} as const satisfies StageMapping

const byTime = (a: string, b: string) => Date.parse(a) - Date.parse(b)

/**
 * One pull request's stage events: waiting for review from its creation to the first approval or
 * request for changes, in review from then to its merge (or decline), done at the merge.
 */
export const pullRequestEvents = (
  repository: string,
  pull: PullRequest,
  activity: ReadonlyArray<Activity>,
  stages: StageMapping,
): StageEventEncoded[] => {
  const itemId = `bitbucket:${repository}#${pull.id}`
  const base = {
    itemId,
    source: 'bitbucket',
    attributes: { repository, pr: pull.id, branch: pull.source.branch.name },
  }
  const event = (key: string, stage: string, type: 'enter' | 'exit', at: string): StageEventEncoded => ({
    ...base,
    id: `${itemId}:${key}:${type}`,
    stage,
    type,
    at,
  })
  const reviews = activity
    .flatMap((entry) => [entry.approval?.date, entry.changes_requested?.date])
    .filter((date): date is string => date !== undefined)
    .sort(byTime)
  const closed = activity
    .map((entry) => entry.update)
    .filter((update) => update !== undefined && (update.state === 'MERGED' || update.state === 'DECLINED'))
    .sort((a, b) => byTime(a!.date, b!.date))[0]
  const firstReview = reviews[0]
  const end = closed?.date
  const events = [event('awaiting-review', stages['pullrequest.awaiting-review']!, 'enter', pull.created_on)]
  const queueEnd = firstReview ?? end
  if (queueEnd !== undefined)
    events.push(event('awaiting-review', stages['pullrequest.awaiting-review']!, 'exit', queueEnd))
  if (firstReview !== undefined) {
    events.push(event('in-review', stages['pullrequest.in-review']!, 'enter', firstReview))
    if (end !== undefined) events.push(event('in-review', stages['pullrequest.in-review']!, 'exit', end))
  }
  if (closed?.state === 'MERGED')
    events.push(event('merged', stages['pullrequest.merged']!, 'enter', closed.date))
  return events
}
