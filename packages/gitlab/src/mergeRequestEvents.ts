import {
  type EventContext,
  earliest,
  reviewStays,
  type StageEventEncoded,
  type StageMapping,
} from '@herbie/core'
import type { Commit, MergeRequest, Note } from './api.js'
import { emitsDone, type GitlabConfig } from './config.js'
import { gitlabEvents, mergeRequestItemId } from './mapping.js'
import { issueLinks } from './references.js'
import { gitlabTime } from './time.js'

const READY = new Set(['marked this merge request as **ready**', 'unmarked as a **Work In Progress**'])
const DRAFT = new Set(['marked this merge request as **draft**', 'marked as a **Work In Progress**'])
const APPROVED = 'approved this merge request'
const UNAPPROVED = 'unapproved this merge request'
const CHANGES_REQUESTED = 'requested changes'

const utc = (time: string): string => gitlabTime(time) ?? time

/**
 * Whether a merge request is a draft: its `draft` field, or on servers before 14.0 the deprecated
 * `work_in_progress`.
 *
 * @since 0.1.0
 * @category mapping
 */
export const isDraft = (mergeRequest: Pick<MergeRequest, 'draft' | 'work_in_progress'>): boolean =>
  mergeRequest.draft ?? mergeRequest.work_in_progress ?? false

/**
 * The commits a merge request joins: its head, and its merge or squash commit once merged.
 *
 * @since 0.1.0
 * @category mapping
 */
export const mergeRequestShas = (
  mergeRequest: Pick<MergeRequest, 'sha' | 'merged_at' | 'merge_commit_sha' | 'squash_commit_sha'>,
): string[] => [
  ...(mergeRequest.sha === null ? [] : [mergeRequest.sha]),
  ...(mergeRequest.merged_at === null
    ? []
    : [mergeRequest.merge_commit_sha, mergeRequest.squash_commit_sha].filter(
        (sha): sha is string => sha !== null,
      )),
]

/**
 * The correlation context of a merge request: its item id (`gitlab:GROUP/NAME!IID`), links (the
 * merge request, issues named in its texts and commit messages, its commits) and attributes.
 *
 * @since 0.1.0
 * @category mapping
 */
export const mergeRequestContext = (
  project: string,
  mergeRequest: MergeRequest,
  commits: ReadonlyArray<Commit>,
  issueKeyPattern: string,
): EventContext => ({
  itemId: mergeRequestItemId(project, mergeRequest.iid),
  links: [
    { kind: 'pr', id: `${project}!${mergeRequest.iid}` },
    ...issueLinks(project, issueKeyPattern, {
      prose: [mergeRequest.title, mergeRequest.description],
      branch: mergeRequest.source_branch,
      messages: commits.map((commit) => commit.message),
    }),
    ...mergeRequestShas(mergeRequest).map((sha) => ({ kind: 'commit' as const, id: sha })),
  ],
  attributes: {
    repository: project,
    mr: mergeRequest.iid,
    branch: mergeRequest.source_branch,
    author: mergeRequest.author.username,
  },
})

/**
 * When the merge request became ready: the first system note that marks it ready, unless a note
 * that marks it draft comes first (it was opened ready); its creation when it was never a draft;
 * undefined while it is still one.
 */
const readyAt = (mergeRequest: MergeRequest, notes: ReadonlyArray<Note>): string | undefined => {
  const system = notes.filter((note) => note.system)
  const ready = system.find((note) => READY.has(note.body))?.created_at
  const draft = system.find((note) => DRAFT.has(note.body))?.created_at
  if (ready === undefined) return isDraft(mergeRequest) ? undefined : utc(mergeRequest.created_at)
  if (draft !== undefined && Date.parse(draft) < Date.parse(ready)) return utc(mergeRequest.created_at)
  return utc(ready)
}

/** Review activity: comments, approvals and change requests by someone other than the author. */
const isReview = (note: Note, author: string): boolean =>
  note.author.username !== author &&
  (!note.system || note.body === APPROVED || note.body === CHANGES_REQUESTED)

/**
 * The merge request's merge done candidate: a `done` enter at the merge, marked
 * `doneRule: "merge"`.
 *
 * @since 0.1.0
 * @category mapping
 */
export const mergedEvent = (
  context: EventContext,
  stages: StageMapping,
  mergedAt: string,
): StageEventEncoded => gitlabEvents.doneCandidate(context, 'merge', stages.done!, utc(mergedAt), 'merge')

/**
 * The stage events of one merge request's life: coding (first commit to ready), waiting for
 * review (ready to the first review activity: a comment, an approval or a change request by
 * someone other than the author), in review (to the approval still standing at the end, else to
 * the merge), and the merge done candidate. A merge request closed unmerged is abandoned: its
 * open stage exits at the close marked `abandoned` (and `closedUnmerged`), and it is never done.
 *
 * @since 0.1.0
 * @category mapping
 */
export const mergeRequestEvents = (
  project: string,
  mergeRequest: MergeRequest,
  notes: ReadonlyArray<Note>,
  commits: ReadonlyArray<Commit>,
  stages: StageMapping,
  config: Pick<GitlabConfig, 'doneAt' | 'issueKeyPattern'>,
): StageEventEncoded[] => {
  const context = mergeRequestContext(project, mergeRequest, commits, config.issueKeyPattern)
  const ready = readyAt(mergeRequest, notes)
  const start = earliest([
    ...commits.map((commit) => utc(commit.authored_date)),
    utc(mergeRequest.created_at),
    ready,
  ])!
  const merged = mergeRequest.merged_at === null ? undefined : utc(mergeRequest.merged_at)
  const closedAt =
    mergeRequest.state === 'closed' && mergeRequest.closed_at !== null
      ? utc(mergeRequest.closed_at)
      : undefined
  const reviews = notes
    .filter((note) => isReview(note, mergeRequest.author.username))
    .filter((note) => ready !== undefined && Date.parse(note.created_at) >= Date.parse(ready))
    .sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at))
  const firstReview = reviews[0] === undefined ? undefined : utc(reviews[0].created_at)
  const lastVerdict = notes
    .filter(
      (note) =>
        note.system &&
        note.author.username !== mergeRequest.author.username &&
        (note.body === APPROVED || note.body === UNAPPROVED),
    )
    .sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at))
    .at(-1)
  const approval =
    lastVerdict?.body === APPROVED &&
    firstReview !== undefined &&
    Date.parse(lastVerdict.created_at) >= Date.parse(firstReview)
      ? utc(lastVerdict.created_at)
      : undefined
  const events = reviewStays(
    gitlabEvents,
    context,
    {
      coding: stages['mr.coding']!,
      awaitingReview: stages['mr.awaiting-review']!,
      inReview: stages['mr.in-review']!,
    },
    {
      start,
      ready,
      firstReview,
      approval,
      end: merged ?? closedAt,
      closedUnmerged: merged === undefined && closedAt !== undefined,
      changesRequested: reviews.filter((note) => note.system && note.body === CHANGES_REQUESTED).length,
    },
  )
  if (emitsDone(config, 'merge') && merged !== undefined) events.push(mergedEvent(context, stages, merged))
  return events
}
