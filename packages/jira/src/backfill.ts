import {
  type AdapterError,
  type BackfillItem,
  type HttpSettings,
  type HttpTransport,
  latest,
  type StageMapping,
} from '@herbie/core'
import { Effect, Option, Stream } from 'effect'
import type { Issue } from './api.js'
import type { JiraCheckpoint } from './checkpoint.js'
import { type JiraConfig, platformOf } from './config.js'
import { issueEvents } from './issueEvents.js'
import { incrementalJql, jqlDateAfter, jqlDateSince } from './jql.js'
import { fullHistories, listStatuses, searchPages } from './requests.js'
import { httpSettings } from './settings.js'
import { statusCategories } from './statusStage.js'
import { jiraTime } from './time.js'

const CONCURRENCY = 4

/** The newest of some Jira timestamps, as Jira wrote it. */
const newestUpdated = (times: ReadonlyArray<string | undefined>): string | undefined => {
  const byInstant = new Map(
    times.flatMap((time) => (time === undefined ? [] : [[jiraTime(time)!, time] as const])),
  )
  const newest = latest([...byInstant.keys()])
  return newest === undefined ? undefined : byInstant.get(newest)
}

/**
 * The whole backfill: the site's statuses (one request), then the issues of the JQL updated since
 * the checkpoint (see {@link incrementalJql}; on a first sync with `since`, those updated at or
 * after it), a page at a time, each with its full changelog (see {@link fullHistories}), mapped
 * with {@link issueEvents}; after each page a checkpoint with the newest `updated` so far. An
 * issue seen twice (it was updated during the sync, or again in the overlap) is mapped once. A
 * second sync with nothing new makes two requests.
 *
 * @since 0.1.0
 * @category backfill
 */
export const backfill = (
  config: JiraConfig,
  checkpoint: Option.Option<JiraCheckpoint>,
  stages: StageMapping,
  onNotice?: HttpSettings['onNotice'],
): Stream.Stream<BackfillItem<JiraCheckpoint>, AdapterError, HttpTransport> =>
  Stream.unwrap(
    Effect.gen(function* () {
      const settings = httpSettings(config, onNotice)
      const platform = platformOf(config)
      const previous = Option.getOrUndefined(checkpoint)?.updated
      const since =
        previous === undefined && config.since !== undefined ? Date.parse(config.since) : undefined
      const from =
        previous !== undefined
          ? jqlDateAfter(previous)
          : since === undefined
            ? undefined
            : jqlDateSince(since)
      const categories = statusCategories(yield* listStatuses(settings, platform))
      const seen = new Set<string>()
      let updated = previous
      const fresh = (issue: Issue) =>
        !seen.has(issue.id) && (since === undefined || Date.parse(jiraTime(issue.fields.updated)!) >= since)
      const pages = searchPages(settings, platform, incrementalJql(config.jql, from), config.pageSize).pipe(
        Stream.mapEffect((issues) =>
          Effect.gen(function* () {
            const kept = issues.filter(fresh)
            for (const issue of kept) seen.add(issue.id)
            const mapped = yield* Effect.forEach(
              kept,
              (issue) =>
                fullHistories(settings, platform, issue).pipe(
                  Effect.map(({ histories, unjoined }) => ({
                    events: issueEvents(issue, histories, config, stages, categories),
                    unjoined,
                  })),
                ),
              { concurrency: CONCURRENCY },
            )
            updated = newestUpdated([updated, ...issues.map((issue) => issue.fields.updated)])
            const items: BackfillItem<JiraCheckpoint>[] = [
              ...mapped.flatMap(({ events }) => events.map((event) => ({ _tag: 'Event', event }) as const)),
              ...mapped.flatMap(({ unjoined }) =>
                unjoined === undefined ? [] : [{ _tag: 'Unjoined', reason: unjoined, count: 1 } as const],
              ),
              { _tag: 'Checkpoint', checkpoint: updated === undefined ? {} : { updated } },
            ]
            return items
          }),
        ),
        Stream.flatMap((items) => Stream.fromIterable(items)),
      )
      return pages
    }),
  )
