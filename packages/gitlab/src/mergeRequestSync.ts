import { type BackfillItem, type HttpError, type HttpTransport, itemsOf, unlessGone } from '@herbie/core'
import { Effect, Either } from 'effect'
import { Commit, MergeRequest, Note } from './api.js'
import { mergeRequestKey } from './mapping.js'
import { mergeRequestContext, mergeRequestEvents, mergeRequestShas } from './mergeRequestEvents.js'
import { listAll, type ProjectSync } from './projectSync.js'

/**
 * The merge requests updated since the last sync (`updated_after`), each with its notes (system
 * notes say when it was marked ready and approved; comments are review activity) and commits (the
 * first commit starts coding). Each joins its commits and `!IID` in the join index. A merge
 * request deleted since it was listed (404 on its notes or commits) is skipped and counted.
 *
 * @since 0.1.0
 * @category backfill
 */
export const syncMergeRequests = (
  sync: ProjectSync,
): Effect.Effect<ReadonlyArray<BackfillItem<never>>, HttpError, HttpTransport> =>
  Effect.gen(function* () {
    const project = sync.project
    const base = `/projects/${project.id}/merge_requests`
    const listed = yield* listAll(
      sync,
      base,
      {
        state: 'all',
        order_by: 'updated_at',
        sort: 'asc',
        ...(sync.since === undefined ? {} : { updated_after: sync.since }),
      },
      MergeRequest,
    )
    const synced = yield* Effect.forEach(
      listed,
      (mergeRequest) =>
        unlessGone(
          Effect.all([
            listAll(sync, `${base}/${mergeRequest.iid}/notes`, { sort: 'asc', order_by: 'created_at' }, Note),
            listAll(sync, `${base}/${mergeRequest.iid}/commits`, {}, Commit),
          ]),
          'merge request gone',
        ).pipe(
          Effect.map(
            Either.match({
              onLeft: (reason) => itemsOf([], [reason]),
              onRight: ([notes, commits]) => {
                const path = project.path_with_namespace
                sync.joins.add(
                  mergeRequestContext(path, mergeRequest, commits, sync.config.issueKeyPattern),
                  [
                    ...commits.map((commit) => commit.id),
                    ...mergeRequestShas(mergeRequest),
                    mergeRequestKey(mergeRequest.iid),
                  ],
                )
                return itemsOf(
                  mergeRequestEvents(path, mergeRequest, notes, commits, sync.stages, sync.config),
                )
              },
            }),
          ),
        ),
      { concurrency: 4 },
    )
    return synced.flat()
  })
