import type { AdapterError, BackfillItem, HttpSettings, HttpTransport, StageMapping } from '@herbie/core'
import { Chunk, Effect, Either, Option, Stream } from 'effect'
import { buildId, mapBuilds } from './buildEvents.js'
import { boundCheckpoint, type JenkinsCheckpoint, type OpenBuild } from './checkpoint.js'
import type { JenkinsConfig } from './config.js'
import { getBuild, type ListedJob, listBuilds, listJobs, withStages } from './requests.js'
import { httpSettings } from './settings.js'
import { isoFromMillis } from './time.js'

const CONCURRENCY = 4

const empty: JenkinsCheckpoint = { jobs: {}, openBuilds: [], openStays: [] }

/** The jobs of the config (every job the user can see, or those below the named roots), each once. */
const jobsOf = (config: JenkinsConfig, settings: HttpSettings) =>
  Effect.forEach(
    config.jobs.length === 0 ? [undefined] : config.jobs,
    (root) => listJobs(settings, root, config.depth),
    { concurrency: CONCURRENCY },
  ).pipe(
    Effect.map((lists) => {
      const byName = new Map<string, ListedJob>()
      for (const job of lists.flat()) byName.set(job.name, job)
      return [...byName.values()]
    }),
  )

/**
 * The whole backfill: the jobs in one request per root (`tree=` down to `depth` levels); for
 * each job whose last build is newer than the checkpoint's, its new builds, a page of `pageSize`
 * at a time (`allBuilds{M,N}`); the builds still running at the last sync, again by number; and
 * each Pipeline run's stages (`wfapi/describe`). The builds map to events with
 * {@link mapBuilds}; then one checkpoint. A second sync with nothing new makes one request per
 * root, plus two per build still running. A build deleted since (404) is counted as unjoined, as
 * is a Pipeline run whose stages cannot be had (it then maps as a build without stages).
 *
 * @since 0.1.0
 * @category backfill
 */
export const backfill = (
  config: JenkinsConfig,
  checkpoint: Option.Option<JenkinsCheckpoint>,
  stages: StageMapping,
  onNotice?: HttpSettings['onNotice'],
): Stream.Stream<BackfillItem<JenkinsCheckpoint>, AdapterError, HttpTransport> =>
  Stream.unwrap(
    Effect.gen(function* () {
      const settings = httpSettings(config, onNotice)
      const previous = Option.getOrElse(checkpoint, () => empty)
      const since = config.since === undefined ? undefined : Date.parse(config.since)
      const jobs = yield* jobsOf(config, settings)
      const reopened = new Set(previous.openBuilds.map((open) => buildId(open.job, open.number)))
      const listed = yield* Effect.forEach(
        jobs.filter((job) => job.lastBuild !== undefined && job.lastBuild > (previous.jobs[job.name] ?? 0)),
        (job) =>
          listBuilds(settings, job.name, config.pageSize, previous.jobs[job.name], since).pipe(
            Stream.runCollect,
            Effect.map((builds) =>
              Chunk.toReadonlyArray(builds)
                .filter((build) => !reopened.has(buildId(job.name, build.number)))
                .map((build) => ({ job: job.name, build })),
            ),
          ),
        { concurrency: CONCURRENCY },
      )
      const again = yield* Effect.forEach(
        previous.openBuilds,
        (open) => getBuild(settings, open.job, open.number).pipe(Effect.map((result) => ({ open, result }))),
        { concurrency: CONCURRENCY },
      )
      const builds = [
        ...again.flatMap(({ open, result }) =>
          Either.isRight(result) ? [{ job: open.job, build: result.right }] : [],
        ),
        ...listed.flat(),
      ]
      const staged = yield* Effect.forEach(builds, ({ job, build }) => withStages(settings, job, build), {
        concurrency: CONCURRENCY,
      })
      const endedBefore = new Map(
        previous.openBuilds.map((open) => [buildId(open.job, open.number), open.ended]),
      )
      const mapped = mapBuilds(
        config,
        stages,
        staged.map(({ fetched }) => fetched),
        previous.openStays,
        endedBefore,
      )
      const lastOf: Record<string, number> = {}
      for (const job of jobs) {
        const newest = Math.max(
          previous.jobs[job.name] ?? 0,
          ...listed
            .flat()
            .filter((entry) => entry.job === job.name)
            .map((entry) => entry.build.number),
        )
        if (newest > 0) lastOf[job.name] = newest
      }
      const openBuilds: OpenBuild[] = builds
        .filter(({ build }) => build.building)
        .map(({ job, build }) => ({
          job,
          number: build.number,
          startedAt: isoFromMillis(build.timestamp),
          ended: mapped.ended.get(buildId(job, build.number)) ?? 0,
        }))
      const next = boundCheckpoint({ jobs: lastOf, openBuilds, openStays: mapped.openStays })
      const unjoined = [
        ...again.flatMap(({ result }) => (Either.isLeft(result) ? [result.left] : [])),
        ...staged.flatMap((entry) => entry.unjoined),
      ]
      const items: BackfillItem<JenkinsCheckpoint>[] = [
        ...mapped.events.map((event) => ({ _tag: 'Event', event }) as const),
        ...unjoined.map((reason) => ({ _tag: 'Unjoined', reason, count: 1 }) as const),
        { _tag: 'Checkpoint', checkpoint: next },
      ]
      return Stream.fromIterable(items)
    }),
  )
