import {
  type AdapterError,
  type BackfillItem,
  ciStaysByItem,
  type HttpSettings,
  type HttpTransport,
  type StageMapping,
} from '@herbie/core'
import { Chunk, Effect, Either, Option, Stream } from 'effect'
import type { Workflow } from './api.js'
import { type ArgoWorkflowsCheckpoint, boundWorkflowCheckpoint, type SeenWorkflow } from './checkpoint.js'
import type { ArgoWorkflowsConfig } from './config.js'
import { workflowEvents } from './mapping.js'
import { nodeEvents } from './nodeEvents.js'
import { getArchivedWorkflow, getWorkflow, listArchivedWorkflows, listWorkflows } from './requests.js'
import { httpSettings } from './settings.js'
import { workflowContext, workflowName } from './workflowContext.js'

const CONCURRENCY = 4
const FINAL = new Set(['Succeeded', 'Failed', 'Error'])
const empty: ArgoWorkflowsCheckpoint = { workflows: {}, openStays: [] }

/** Whether a workflow has completed: the controller's `completed` label, or a final phase. */
const isCompleted = (workflow: Workflow): boolean =>
  workflow.metadata.labels?.['workflows.argoproj.io/completed'] === 'true' ||
  FINAL.has(workflow.status?.phase ?? '')

/** A live workflow by name, else (gone, with `archived` on) the archive's copy by uid. */
const readAgain = (settings: HttpSettings, config: ArgoWorkflowsConfig, name: string, seen: SeenWorkflow) => {
  const slash = name.indexOf('/')
  return getWorkflow(settings, name.slice(0, slash), name.slice(slash + 1)).pipe(
    Effect.flatMap((live) =>
      Either.isRight(live) || !config.archived
        ? Effect.succeed(live)
        : getArchivedWorkflow(settings, seen.uid),
    ),
  )
}

/**
 * The whole backfill: the live workflows, a page of `pageSize` at a time (on a later sync only
 * those created since the newest one listed before, `createdAfter`); the workflows still running
 * at the last sync and not listed again, read by name (from the archive by uid when the live one
 * is gone); on the first sync with `archived` on, the archived workflows the live list lacks,
 * each read by uid for its nodes. A completed workflow seen before with the same
 * `resourceVersion` is not mapped again. Each workflow's nodes map with {@link nodeEvents}; its
 * CI nodes are united per item into CI stays. A second sync with nothing new makes one request,
 * plus one per workflow still running. A workflow gone since is counted as unjoined.
 *
 * @since 0.1.0
 * @category backfill
 */
export const backfill = (
  config: ArgoWorkflowsConfig,
  checkpoint: Option.Option<ArgoWorkflowsCheckpoint>,
  stages: StageMapping,
  onNotice?: HttpSettings['onNotice'],
): Stream.Stream<BackfillItem<ArgoWorkflowsCheckpoint>, AdapterError, HttpTransport> =>
  Stream.unwrap(
    Effect.gen(function* () {
      const settings = httpSettings(config, onNotice)
      const previous = Option.getOrElse(checkpoint, () => empty)
      const listed = Chunk.toReadonlyArray(
        yield* Stream.runCollect(listWorkflows(settings, config, previous.createdAfter ?? config.since)),
      )
      const listedNames = new Set(listed.map((workflow) => workflowName(workflow)))
      const rereads = Object.entries(previous.workflows).filter(
        ([name, seen]) => !seen.completed && !listedNames.has(name),
      )
      const again = yield* Effect.forEach(
        rereads,
        ([name, seen]) => readAgain(settings, config, name, seen),
        {
          concurrency: CONCURRENCY,
        },
      )
      const listedUids = new Set(listed.map((workflow) => workflow.metadata.uid))
      const archivedOnly =
        Option.isNone(checkpoint) && config.archived
          ? Chunk.toReadonlyArray(yield* Stream.runCollect(listArchivedWorkflows(settings, config))).filter(
              (workflow) => workflow.metadata.uid !== undefined && !listedUids.has(workflow.metadata.uid),
            )
          : []
      const archived = yield* Effect.forEach(
        archivedOnly,
        (workflow) => getArchivedWorkflow(settings, workflow.metadata.uid ?? ''),
        { concurrency: CONCURRENCY },
      )
      const fetched = [...again, ...archived]
      const fresh = [
        ...listed,
        ...fetched.flatMap((result) => (Either.isRight(result) ? [result.right] : [])),
      ].filter((workflow) => {
        const seen = previous.workflows[workflowName(workflow)]
        return !(seen?.completed === true && seen.resourceVersion === workflow.metadata.resourceVersion)
      })
      const mapped = fresh.map((workflow) => {
        const name = workflowName(workflow)
        const context = workflowContext(config, workflow)
        const before = previous.workflows[name]?.ended ?? []
        return {
          workflow,
          name,
          context,
          before,
          ...nodeEvents(config, stages, context, workflow, new Set(before)),
        }
      })
      const ci = ciStaysByItem(
        { events: workflowEvents, runKind: 'node' },
        stages.node!,
        previous.openStays,
        mapped.map(({ context, attempts }) => ({ context, attempts })),
      )
      const seen: Record<string, SeenWorkflow> = { ...previous.workflows }
      for (const entry of mapped) {
        seen[entry.name] = {
          uid: entry.workflow.metadata.uid ?? '',
          resourceVersion: entry.workflow.metadata.resourceVersion ?? '',
          completed: isCompleted(entry.workflow),
          createdAt: entry.workflow.metadata.creationTimestamp ?? entry.workflow.status?.startedAt ?? '',
          ended: [...new Set([...entry.before, ...entry.ended])],
        }
      }
      rereads.forEach(([name], index) => {
        if (Either.isLeft(again[index]!)) delete seen[name]
      })
      const created = listed.flatMap((workflow) => workflow.metadata.creationTimestamp ?? [])
      const createdAfter = [
        ...created,
        ...(previous.createdAfter === undefined ? [] : [previous.createdAfter]),
      ].sort((a, b) => Date.parse(b) - Date.parse(a))[0]
      const next = boundWorkflowCheckpoint({
        ...(createdAfter === undefined ? {} : { createdAfter }),
        workflows: seen,
        openStays: ci.open,
      })
      const items: BackfillItem<ArgoWorkflowsCheckpoint>[] = [
        ...ci.events.map((event) => ({ _tag: 'Event', event }) as const),
        ...mapped.flatMap((entry) => entry.events.map((event) => ({ _tag: 'Event', event }) as const)),
        ...fetched.flatMap((result) =>
          Either.isLeft(result) ? [{ _tag: 'Unjoined', reason: result.left, count: 1 } as const] : [],
        ),
        { _tag: 'Checkpoint', checkpoint: next },
      ]
      return Stream.fromIterable(items)
    }),
  )
