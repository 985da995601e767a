import {
  ciStays,
  type EventContext,
  isProductionEvent,
  makeEventBuilder,
  type OpenStay,
  type RunAttempt,
  type StageEventEncoded,
  type StageMapping,
} from '@herbie/core'
import type { Build, RunDescription } from './api.js'
import { buildContext, builtRevision, mergeContexts } from './buildContext.js'
import { type BuildSpan, buildSpans } from './buildSpans.js'
import type { JenkinsConfig } from './config.js'
import type { JobName } from './job.js'
import { isoFromMillis } from './time.js'

/**
 * The event builders of the Jenkins adapter: ids `ITEM:KEY:TYPE`, source `jenkins`.
 *
 * @since 0.1.0
 * @category mapping
 */
export const jenkinsEvents = makeEventBuilder('jenkins')

/**
 * A build as the adapter fetched it: its job, its `api/json` and, for a Pipeline run, its
 * `wfapi/describe` (undefined for freestyle builds, or when the Stage View plugin is missing).
 *
 * @since 0.1.0
 * @category mapping
 */
export interface FetchedBuild {
  readonly job: JobName
  readonly build: Build
  readonly description?: RunDescription
}

/**
 * The id of a build among all of one Jenkins: `JOB#N` (`payments/main#311`).
 *
 * @since 0.1.0
 * @category mapping
 */
export const buildId = (job: JobName, number: number): string => `${job}#${number}`

const REWORK_CAUSE = /ReplayCause|RebuildCause|RestartDeclarativePipelineCause/

/** Whether a build replays or rebuilds an earlier one (a Replay, the Rebuild plugin, Restart from Stage). */
const replays = (build: Build): boolean =>
  build.actions.some(
    (action) => action?.causes?.some((cause) => REWORK_CAUSE.test(cause._class ?? '')) === true,
  )

/** The Metrics plugin's queue record of a build, when the plugin is installed. */
const queueOf = (build: Build) => {
  const action = build.actions.find((candidate) => candidate?.queuingDurationMillis !== undefined)
  const millis = action?.queuingDurationMillis
  return millis === undefined ? {} : { queuedAt: isoFromMillis(build.timestamp - millis), queueMs: millis }
}

/**
 * The CI work of a build as run attempts for the union of CI stays: each of its spans in the
 * `build` fact's stage, numbered from 1 (`build:JOB#N:1`). The first carries the build's queue
 * time from the Metrics plugin (`queuedAt`, `queueMs`), which lies before it, waiting; without
 * the plugin the queue time is unknown and neither is written. A build that replays or
 * rebuilds another, or builds a revision an earlier build of its job built, is rework.
 *
 * @since 0.1.0
 * @category mapping
 */
export const ciAttempts = (
  fetched: FetchedBuild,
  spans: ReadonlyArray<BuildSpan>,
  ciStage: string,
  rework: boolean,
): RunAttempt[] => {
  const { job, build } = fetched
  const queue = queueOf(build)
  return spans
    .filter((span) => span.kind === 'work' && span.stage === ciStage)
    .map((span, index) => ({
      runId: buildId(job, build.number),
      attempt: index + 1,
      rework: rework || replays(build),
      attributes: {
        job,
        build: build.number,
        ...(index === 0 && queue.queueMs !== undefined ? { queueMs: queue.queueMs } : {}),
      },
      ...(index === 0 && queue.queuedAt !== undefined ? { queuedAt: queue.queuedAt } : {}),
      start: isoFromMillis(span.start),
      ...(span.end === undefined ? {} : { end: isoFromMillis(span.end) }),
      ...(span.end === undefined || span.outcome === undefined ? {} : { outcome: span.outcome }),
    }))
}

/**
 * The events of a build's spans outside CI: each deploy or other work span a stay (its key the
 * first Pipeline stage's id, `build:JOB#N:57`), with the environment linked and in
 * `attributes.environment`; each `input` span a stay in the `input` fact's stage (a manual
 * approval: waiting); and, for a production deploy span that succeeded, the item's done
 * candidate at its end (`attributes.doneRule: "production-deploy"`).
 *
 * @since 0.1.0
 * @category mapping
 */
export const spanEvents = (
  context: EventContext,
  fetched: FetchedBuild,
  spans: ReadonlyArray<BuildSpan>,
  stages: StageMapping,
): StageEventEncoded[] => {
  const { job, build } = fetched
  const prefix = `build:${buildId(job, build.number)}`
  const own = { job, build: build.number }
  return spans.flatMap((span) => {
    if (span.kind === 'work' && span.stage === stages.build) return []
    const enter = isoFromMillis(span.start)
    const exit = span.end === undefined ? undefined : isoFromMillis(span.end)
    if (span.kind === 'input') {
      return jenkinsEvents.stayEvents(context, `${prefix}:${span.key}`, span.stage, enter, exit, {
        attributes: { ...own, gate: span.names[0] ?? '' },
      })
    }
    const environment = span.environment
    const spanContext: EventContext =
      environment === undefined
        ? context
        : { ...context, links: [...context.links, { kind: 'environment', id: environment }] }
    const attributes = { ...own, ...(environment === undefined ? {} : { environment }) }
    const events = jenkinsEvents.stayEvents(spanContext, `${prefix}:${span.key}`, span.stage, enter, exit, {
      ...(span.outcome === undefined ? {} : { outcome: span.outcome }),
      attributes,
      exitAttributes: { stages: span.names.join(', ') },
    })
    if (exit !== undefined && span.outcome === 'success' && isProductionEvent({ attributes })) {
      events.push(
        jenkinsEvents.doneCandidate(
          context,
          `${prefix}:${span.key}`,
          stages.done!,
          exit,
          'production-deploy',
          attributes,
        ),
      )
    }
    return events
  })
}

/**
 * What mapping the builds of one sync yields: the events, the CI stays still open (with their
 * item's context) and, per build, how many of its CI spans had ended.
 *
 * @since 0.1.0
 * @category mapping
 */
export interface MappedBuilds {
  readonly events: StageEventEncoded[]
  readonly openStays: Array<{ readonly context: EventContext } & OpenStay>
  readonly ended: ReadonlyMap<string, number>
}

/**
 * Maps builds to events, item by item (see {@link buildContext}): the CI spans of an item's
 * builds as the union of CI stays (core's `ciStays`, keyed `build:JOB#N:1`), finishing the stay
 * the last sync left open for the item; the other spans as {@link spanEvents}. `endedBefore`
 * says, for builds fetched again, how many CI spans the last sync already wrote.
 *
 * @since 0.1.0
 * @category mapping
 */
export const mapBuilds = (
  config: Pick<JenkinsConfig, 'hosts' | 'issueKeyPattern' | 'stagePatterns'>,
  stages: StageMapping,
  builds: ReadonlyArray<FetchedBuild>,
  carried: ReadonlyArray<{ readonly context: EventContext } & OpenStay> = [],
  endedBefore: ReadonlyMap<string, number> = new Map(),
): MappedBuilds => {
  const ciStage = stages.build!
  const items = new Map<
    string,
    { contexts: EventContext[]; builds: Array<{ fetched: FetchedBuild; spans: BuildSpan[] }> }
  >()
  for (const stay of carried) items.set(stay.context.itemId, { contexts: [stay.context], builds: [] })
  const chronological = [...builds].sort(
    (a, b) => a.build.timestamp - b.build.timestamp || a.job.localeCompare(b.job),
  )
  for (const fetched of chronological) {
    const { context } = buildContext(config, fetched.job, fetched.build)
    const spans = buildSpans(fetched.build, fetched.description, config.stagePatterns, ciStage, stages.input!)
    const item = items.get(context.itemId) ?? { contexts: [], builds: [] }
    item.contexts.push(context)
    item.builds.push({ fetched, spans })
    items.set(context.itemId, item)
  }
  const events: StageEventEncoded[] = []
  const openStays: MappedBuilds['openStays'] = []
  const ended = new Map<string, number>()
  for (const [itemId, item] of items) {
    const [head, ...tail] = item.contexts
    if (head === undefined) continue
    const context = mergeContexts([head, ...tail])
    const stay = carried.find((candidate) => candidate.context.itemId === itemId)
    const built = new Set<string>()
    const attempts: RunAttempt[] = []
    const others: StageEventEncoded[] = []
    const ordered = [...item.builds].sort(
      (a, b) => a.fetched.job.localeCompare(b.fetched.job) || a.fetched.build.number - b.fetched.build.number,
    )
    for (const { fetched, spans } of ordered) {
      const sha = builtRevision(fetched.job, fetched.build).sha
      const again = sha !== undefined && built.has(`${fetched.job} ${sha}`)
      if (sha !== undefined) built.add(`${fetched.job} ${sha}`)
      const id = buildId(fetched.job, fetched.build.number)
      const own = ciAttempts(fetched, spans, ciStage, again)
      const from = endedBefore.get(id) ?? 0
      attempts.push(...own.filter((attempt) => attempt.attempt > from))
      ended.set(id, own.filter((attempt) => attempt.end !== undefined).length)
      others.push(...spanEvents(context, fetched, spans, stages))
    }
    const stays = ciStays({ events: jenkinsEvents, runKind: 'build' }, context, ciStage, attempts, stay)
    events.push(...stays.events, ...others)
    if (stays.open !== undefined) openStays.push({ context: stay?.context ?? context, ...stays.open })
  }
  return { events, openStays, ended }
}
