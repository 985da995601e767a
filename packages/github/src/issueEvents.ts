import {
  type EventContext,
  earliest,
  issueKeys,
  type StageEventEncoded,
  type StageMapping,
} from '@herbie/core'
import type { Issue, TimelineEvent } from './api.js'
import { stageEvent, stayEvents } from './event.js'
import { pullItemId } from './mapping.js'

/**
 * The correlation context of an issue: its item id (`github:OWNER/NAME#N`, the number space it
 * shares with pull requests), links (the issue, issue keys in its title) and attributes.
 *
 * @since 0.1.0
 * @category mapping
 */
export const issueContext = (repository: string, issue: Issue, issuePattern: string): EventContext => ({
  itemId: pullItemId(repository, issue.number),
  links: [
    { kind: 'issue', id: `${repository}#${issue.number}` },
    ...issueKeys(issuePattern, [issue.title]).map((key) => ({ kind: 'issue' as const, id: key })),
  ],
  attributes: {
    repository,
    issue: issue.number,
    ...(issue.user === null ? {} : { author: issue.user.login }),
  },
})

const referencesByPull = (event: TimelineEvent): boolean =>
  event.event === 'connected' ||
  (event.event === 'cross-referenced' && event.source?.issue?.pull_request !== undefined)

/**
 * An issue as a backlog stay: from its opening until the first pull request references it (a
 * `cross-referenced` or `connected` timeline event: work has started, and the pull requests that
 * close it carry on its item) or, when none ever did, until it was closed. Closed as completed
 * with no pull request, it is done at the close; closed otherwise (`not_planned`, `duplicate`),
 * the exit says so in `closedAs` and it is never done.
 *
 * @since 0.1.0
 * @category mapping
 */
export const issueEvents = (
  repository: string,
  issue: Issue,
  timeline: ReadonlyArray<TimelineEvent>,
  stages: StageMapping,
  issuePattern: string,
): StageEventEncoded[] => {
  const context = issueContext(repository, issue, issuePattern)
  const referenced = earliest(timeline.filter(referencesByPull).map((event) => event.created_at))
  const closed = issue.state === 'closed' ? (issue.closed_at ?? undefined) : undefined
  const closedAs = issue.state_reason ?? 'completed'
  const closedUnworked = referenced === undefined && closed !== undefined
  const events = stayEvents(
    context,
    'backlog',
    stages['issue.backlog']!,
    issue.created_at,
    referenced ?? closed,
    closedUnworked ? { attributes: { closedAs } } : {},
  )
  if (closedUnworked && closedAs === 'completed') {
    events.push(stageEvent(context, 'closed:done', stages.done!, 'enter', closed))
  }
  return events
}
