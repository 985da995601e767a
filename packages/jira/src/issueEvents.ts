import { type EventContext, makeEventBuilder, type StageEventEncoded, type StageMapping } from '@herbie/core'
import type { ChangeItem, History, Issue } from './api.js'
import type { JiraConfig } from './config.js'
import { issueContext } from './context.js'
import { type StatusCategories, statusCategories, statusStages } from './statusStage.js'
import { jiraTime } from './time.js'

const builder = makeEventBuilder('jira')

/** Whether a change item is of a field (by `fieldId`, or `field` on servers that give only that). */
const isField = (item: ChangeItem, field: string): boolean => (item.fieldId ?? item.field) === field

/**
 * An issue's histories oldest first: by time, then by id (Jira's history ids grow). The inline
 * changelog of a search comes newest first, the changelog endpoint oldest first: neither order is
 * trusted.
 *
 * @since 0.1.0
 * @category mapping
 */
export const sortHistories = (histories: ReadonlyArray<History>): History[] =>
  [...histories].sort(
    (a, b) =>
      Date.parse(jiraTime(a.created)!) - Date.parse(jiraTime(b.created)!) || Number(a.id) - Number(b.id),
  )

interface Stay {
  readonly stage: string
  readonly status: string
  /** How far its status's category is along (To Do 0, In Progress 1, Done 2). */
  readonly rank: number
}

const RANKS: Readonly<Record<string, number>> = { new: 0, indeterminate: 1, done: 2 }

/**
 * The stage events of one issue, from its fields and its whole changelog. The issue enters the
 * stage of its first status when it was created (key `created`); each status change that moves it
 * to another stage exits the one and enters the other, both keyed by the history id, so a webhook
 * of that change yields the same ids. Several statuses of one stage are one stay.
 *
 * - **Done**: a move into the done stage (status category `done` by default) is a done candidate,
 *   `doneRule: 'tracker'` (with `doneAt: 'status'` a plain done enter). The done stay is never
 *   exited: a reopened issue is done where it was first done.
 * - **Abandoned**: a move into the done stage with a resolution of `abandonResolutions` ("Won't
 *   Do", "Duplicate"...) exits the open stage with `abandoned: true` and `resolution`, and enters
 *   nothing.
 * - **Rework**: a reopen after Done or after abandoning, a move to a status of an earlier category
 *   (In Progress back to To Do), and entering a stage the issue was in before after it went on past
 *   wait statuses and the backlog (review back to develop) are re-entries of the same item with
 *   `rework: true`.
 *
 * Each event carries the context of {@link issueContext} and the `status` it entered or left.
 *
 * @since 0.1.0
 * @category mapping
 */
export const issueEvents = (
  issue: Issue,
  histories: ReadonlyArray<History>,
  config: Pick<JiraConfig, 'statuses' | 'waitStatuses' | 'abandonResolutions' | 'kinds' | 'doneAt'>,
  stages: StageMapping,
  categories: StatusCategories,
): StageEventEncoded[] => {
  const known = new Map([...categories, ...statusCategories([issue.fields.status])])
  const { stageOf, isWait } = statusStages(config, stages, known)
  const context: EventContext = issueContext(issue, config)
  const doneStage = stages.done ?? 'done'
  const abandons = new Set(config.abandonResolutions.map((name) => name.toLowerCase()))
  const sorted = sortHistories(histories)
  const changes = sorted.flatMap((history) =>
    history.items.filter((item) => isField(item, 'status')).map((item) => ({ history, item })),
  )
  const first = changes[0]?.item
  const initial =
    first === undefined
      ? { id: issue.fields.status.id, name: issue.fields.status.name }
      : { id: first.from, name: first.fromString ?? issue.fields.status.name }

  const events: StageEventEncoded[] = []
  /** The stages entered so far, in order (`abandoned` where the issue was dropped). */
  const path: string[] = []
  let open: Stay | undefined
  let resolution: string | undefined
  const rankOf = (id: string | null | undefined) =>
    RANKS[(id === undefined || id === null ? undefined : known.get(id)) ?? 'indeterminate'] ?? 1
  const reworked = (stage: string, rank: number, reopened: boolean): boolean => {
    if (reopened || (open !== undefined && rank < open.rank)) return true
    const last = path.lastIndexOf(stage)
    // the backlog waits too: picked up again after being sent back there is not rework twice
    return last >= 0 && path.slice(last + 1).some((between) => !isWait(between) && between !== stages.new)
  }
  const enter = (
    key: string,
    status: { readonly id?: string | null | undefined; readonly name: string },
    stage: string,
    at: string,
  ) => {
    const rank = rankOf(status.id)
    const reopened = path.at(-1) === doneStage || path.at(-1) === 'abandoned'
    if (stage === doneStage) {
      const attributes = { status: status.name, ...(resolution === undefined ? {} : { resolution }) }
      events.push(
        config.doneAt === 'tracker'
          ? builder.doneCandidate(context, key, stage, at, 'tracker', attributes)
          : builder.stageEvent(context, key, stage, 'enter', at, { attributes }),
      )
    } else {
      const rework = reworked(stage, rank, reopened)
      events.push(
        builder.stageEvent(context, key, stage, 'enter', at, {
          attributes: { status: status.name, ...(rework ? { rework: true } : {}) },
        }),
      )
    }
    path.push(stage)
    open = { stage, status: status.name, rank }
  }

  const createdAt = jiraTime(issue.fields.created)!
  const initialStage = stageOf(initial)
  const createdAbandoned =
    changes.length === 0 && abandons.has((issue.fields.resolution?.name ?? '').toLowerCase())
  if (initialStage === doneStage && createdAbandoned) {
    path.push('abandoned')
  } else enter('created', initial, initialStage, createdAt)

  const lastChange = changes.at(-1)?.item
  for (const history of sorted) {
    for (const item of history.items) {
      if (isField(item, 'resolution')) resolution = item.toString ?? undefined
    }
    for (const item of history.items.filter((change) => isField(change, 'status'))) {
      const target = { id: item.to, name: item.toString ?? '' }
      const stage = stageOf(target)
      if (open !== undefined && stage === open.stage) {
        open = { stage, status: target.name, rank: rankOf(target.id) }
        continue
      }
      // a resolution the changelog does not show (set by an import or a script): the issue's own
      if (stage === doneStage && resolution === undefined && item === lastChange)
        resolution = issue.fields.resolution?.name
      const at = jiraTime(history.created)!
      const abandoned =
        stage === doneStage && resolution !== undefined && abandons.has(resolution.toLowerCase())
      if (open !== undefined && open.stage !== doneStage) {
        events.push(
          builder.stageEvent(context, history.id, open.stage, 'exit', at, {
            attributes: {
              status: open.status,
              ...(abandoned && resolution !== undefined ? { abandoned: true, resolution } : {}),
            },
          }),
        )
      }
      if (abandoned) {
        path.push('abandoned')
        open = undefined
      } else enter(history.id, target, stage, at)
    }
  }
  return events
}
