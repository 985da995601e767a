import {
  type EventContext,
  earliest,
  issueKeys,
  type ReviewStages,
  reviewStays,
  type StageEventEncoded,
  type StageMapping,
} from '@herbie/core'
import type { Pull, TimelineEvent } from './api.js'
import { closingIssue } from './closingIssue.js'
import { type Correlation, emitsDone, type GithubConfig } from './config.js'
import { githubEvents } from './event.js'
import { pullItemId } from './mapping.js'

/**
 * When the pull request became ready for review: the first `ready_for_review`, unless it was
 * opened ready (a `convert_to_draft` comes first, or it was never a draft); undefined while it is
 * still a draft.
 */
const readyAt = (pull: Pull, timeline: ReadonlyArray<TimelineEvent>): string | undefined => {
  const firstReady = timeline.find((event) => event.event === 'ready_for_review')
  const firstDraft = timeline.find((event) => event.event === 'convert_to_draft')
  const readyTime = firstReady?.created_at ?? undefined
  const draftTime = firstDraft?.created_at ?? undefined
  if (readyTime === undefined) return pull.draft ? undefined : pull.created_at
  if (draftTime !== undefined && Date.parse(draftTime) < Date.parse(readyTime)) return pull.created_at
  return readyTime
}

const REVIEW_STAGES = (stages: StageMapping): ReviewStages => ({
  coding: stages['pr.coding']!,
  awaitingReview: stages['pr.awaiting-review']!,
  inReview: stages['pr.in-review']!,
})

/**
 * The correlation context of a pull request: its item id, links (the PR, the issue it closes,
 * issue keys from title, branch and commit messages, head and merge commits) and attributes. With
 * `issues: true`, a pull request that closes an issue belongs to the issue's item, and its fact
 * keys start with `pr:NUMBER:` so that several pull requests of one issue never share an id.
 *
 * @since 0.1.0
 * @category mapping
 */
export const pullContext = (
  repository: string,
  pull: Pull,
  timeline: ReadonlyArray<TimelineEvent>,
  correlation: Correlation,
): EventContext => {
  const messages = timeline.filter((event) => event.event === 'committed').map((event) => event.message)
  const keys = issueKeys(correlation.issueKeyPattern, [pull.title, pull.head.ref, ...messages])
  const closes = closingIssue(repository, [pull.title, pull.body])
  const commits = [
    pull.head.sha,
    ...(pull.merged_at !== null && pull.merge_commit_sha !== null ? [pull.merge_commit_sha] : []),
  ]
  const ownItem = closes === undefined || !correlation.issues
  return {
    itemId: ownItem ? pullItemId(repository, pull.number) : pullItemId(closes.repository, closes.number),
    ...(ownItem ? {} : { keyPrefix: `pr:${pull.number}:` }),
    links: [
      { kind: 'pr', id: `${repository}#${pull.number}` },
      ...(closes === undefined
        ? []
        : [{ kind: 'issue' as const, id: `${closes.repository}#${closes.number}` }]),
      ...keys.map((key) => ({ kind: 'issue' as const, id: key })),
      ...commits.map((sha) => ({ kind: 'commit' as const, id: sha })),
    ],
    attributes: {
      repository,
      pr: pull.number,
      branch: pull.head.ref,
      ...(pull.user === null ? {} : { author: pull.user.login }),
    },
  }
}

/**
 * The item's merge done candidate: a `done` enter at the merge, marked `doneRule: "merge"`.
 *
 * @since 0.1.0
 * @category mapping
 */
export const mergedEvent = (
  context: EventContext,
  stages: StageMapping,
  mergedAt: string,
): StageEventEncoded => githubEvents.doneCandidate(context, 'merge', stages.done!, mergedAt, 'merge')

/**
 * The stage events of one pull request's life: coding (first commit to ready), waiting for review
 * (ready to first review), in review (first review to approval, or to merge), and the merge done
 * candidate (with `doneAt` `auto` or `merge`). A pull request closed unmerged is abandoned: its
 * open stage exits at the close marked `abandoned` (and `closedUnmerged`), and it is never done.
 *
 * @since 0.1.0
 * @category mapping
 */
export const pullEvents = (
  repository: string,
  pull: Pull,
  timeline: ReadonlyArray<TimelineEvent>,
  stages: StageMapping,
  config: Correlation & Pick<GithubConfig, 'doneAt'>,
): StageEventEncoded[] => {
  const context = pullContext(repository, pull, timeline, config)
  const commitTimes = timeline
    .filter((event) => event.event === 'committed')
    .map((event) => event.author?.date)
  const ready = readyAt(pull, timeline)
  const start = earliest([...commitTimes, pull.created_at, ready])!
  const reviews = timeline
    .filter((event) => event.event === 'reviewed' && typeof event.submitted_at === 'string')
    .filter((event) => ready !== undefined && Date.parse(event.submitted_at!) >= Date.parse(ready))
    .sort((a, b) => Date.parse(a.submitted_at!) - Date.parse(b.submitted_at!))
  const end = pull.merged_at ?? pull.closed_at ?? undefined
  const firstReview = reviews[0]?.submitted_at ?? undefined
  const approvals = reviews.filter((review) => review.state?.toLowerCase() === 'approved')
  const changesRequested = reviews.filter(
    (review) => review.state?.toLowerCase() === 'changes_requested',
  ).length
  const events = reviewStays(githubEvents, context, REVIEW_STAGES(stages), {
    start,
    ready,
    firstReview,
    approval: approvals.at(-1)?.submitted_at ?? undefined,
    end,
    closedUnmerged: pull.merged_at === null && pull.closed_at !== null,
    changesRequested,
  })
  if (emitsDone(config, 'merge') && pull.merged_at !== null)
    events.push(mergedEvent(context, stages, pull.merged_at))
  return events
}
