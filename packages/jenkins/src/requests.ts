import {
  ConfigInvalid,
  getJson,
  type HttpError,
  type HttpSettings,
  type HttpTransport,
  notify,
} from '@herbie/core'
import { Effect, Either, Option, type Schema, Stream } from 'effect'
import { Build, BuildPage, type JobNode, JobTree, RunDescription } from './api.js'
import type { FetchedBuild } from './buildEvents.js'
import { decodeBody } from './decode.js'
import { type JobName, jobPath } from './job.js'

const PIPELINE_RUN = 'org.jenkinsci.plugins.workflow.job.WorkflowRun'

/**
 * The fields of a build the adapter asks for (`tree=`), never the unbounded default depth: the
 * result and times, the causes, the git plugin's built revision and remotes, the Metrics
 * plugin's queue times and the change sets' commits (Pipeline `changeSets`, freestyle
 * `changeSet`).
 *
 * @since 0.1.0
 * @category backfill
 */
export const BUILD_FIELDS =
  '_class,number,url,result,building,timestamp,duration,queueId,' +
  'actions[_class,causes[_class,shortDescription],lastBuiltRevision[SHA1,branch[SHA1,name]],remoteUrls,' +
  'queuingDurationMillis,blockedDurationMillis,buildableDurationMillis,waitingDurationMillis],' +
  'changeSets[kind,items[commitId,msg]],changeSet[kind,items[commitId,msg]]'

const NODE_FIELDS = '_class,name,fullName,url,lastBuild[number]'

/**
 * The `tree=` selection of a job or folder and `depth - 1` levels of folders below it
 * (`_class,name,fullName,url,lastBuild[number],jobs[...]`).
 *
 * @since 0.1.0
 * @category backfill
 */
export const jobTreeFields = (depth: number): string => {
  let fields = NODE_FIELDS
  for (let level = 1; level < depth; level++) fields = `${NODE_FIELDS},jobs[${fields}]`
  return fields
}

/**
 * A job found in the tree, with the number of its last build (undefined: never built).
 *
 * @since 0.1.0
 * @category backfill
 */
export interface ListedJob {
  readonly name: JobName
  readonly lastBuild: number | undefined
}

const flatten = (nodes: ReadonlyArray<JobNode>, parent: string | undefined): ListedJob[] =>
  nodes.flatMap((node) => {
    const name = node.fullName ?? (parent === undefined ? node.name : `${parent}/${node.name}`)
    const own = node.lastBuild === undefined ? [] : [{ name, lastBuild: node.lastBuild?.number }]
    return [...own, ...flatten(node.jobs ?? [], name)]
  })

/**
 * Every job below `root` (a job or folder by full name; undefined: all of Jenkins) down to
 * `depth` levels, in one request: `api/json?tree=jobs[...]`. A job is what has a `lastBuild`
 * (null before its first build); folders, multibranch projects and organisation folders are
 * walked. A root that does not exist fails with `ConfigInvalid` on `jobs`.
 *
 * @since 0.1.0
 * @category backfill
 */
export const listJobs = (
  settings: HttpSettings,
  root: JobName | undefined,
  depth: number,
): Effect.Effect<ListedJob[], HttpError | ConfigInvalid, HttpTransport> => {
  const path = `${root === undefined ? '' : jobPath(root)}api/json`
  const tree = root === undefined ? `jobs[${jobTreeFields(depth)}]` : jobTreeFields(depth)
  return getJson(settings, path, { tree }).pipe(
    Effect.catchTag('NotFound', (error) =>
      Effect.fail(
        new ConfigInvalid({
          adapter: 'jenkins',
          field: 'jobs',
          reason: `no job or folder ${root} at ${error.url.split('?')[0]} (404)`,
        }),
      ),
    ),
    Effect.flatMap((response) => decodeBody(JobTree, `GET ${path}`, response.body)),
    Effect.map((top) => {
      const jobs = flatten(top.jobs ?? [], root)
      if (root === undefined || top.lastBuild === undefined) return jobs
      return [{ name: top.fullName ?? root, lastBuild: top.lastBuild?.number }, ...jobs]
    }),
  )
}

/**
 * A job's builds, newest first, a page at a time with `allBuilds[...]{M,N}` ranges (`builds`
 * holds only the newest 100), until a page comes back short, a build is not newer than `after`
 * (the checkpoint's) or started before `since`.
 *
 * @since 0.1.0
 * @category backfill
 */
export const listBuilds = (
  settings: HttpSettings,
  job: JobName,
  pageSize: number,
  after: number | undefined,
  since: number | undefined,
): Stream.Stream<Build, HttpError, HttpTransport> => {
  const path = `${jobPath(job)}api/json`
  const fresh = (build: Build) =>
    (after === undefined || build.number > after) && (since === undefined || build.timestamp >= since)
  return Stream.paginateEffect(0, (from) =>
    getJson(settings, path, { tree: `allBuilds[${BUILD_FIELDS}]{${from},${from + pageSize}}` }).pipe(
      Effect.tap((response) => notify(settings, { kind: 'page', url: response.url })),
      Effect.flatMap((response) => decodeBody(BuildPage, `GET ${path}`, response.body)),
      Effect.map((page) => {
        const kept = page.allBuilds.filter(fresh)
        const oldest = page.allBuilds.at(-1)?.number ?? 0
        // build numbers only grow: once the page reaches the one after `after`, nothing newer is left
        const more =
          page.allBuilds.length === pageSize &&
          kept.length === page.allBuilds.length &&
          (after === undefined || oldest > after + 1)
        return [kept, more ? Option.some(from + pageSize) : Option.none()] as const
      }),
    ),
  ).pipe(Stream.flatMap((page) => Stream.fromIterable(page)))
}

const unlessGone = <A, R>(request: Effect.Effect<A, HttpError, R>, subject: string) =>
  request.pipe(
    Effect.map((value): Either.Either<A, string> => Either.right(value)),
    Effect.catchTag('NotFound', () =>
      Effect.succeed<Either.Either<A, string>>(Either.left(`${subject} (404)`)),
    ),
  )

const getOne = <A, I>(settings: HttpSettings, path: string, schema: Schema.Schema<A, I>, query = {}) =>
  getJson(settings, path, query).pipe(
    Effect.flatMap((response) => decodeBody(schema, `GET ${path}`, response.body)),
  )

/**
 * One build by number, or why not: `build deleted (404)`.
 *
 * @since 0.1.0
 * @category backfill
 */
export const getBuild = (
  settings: HttpSettings,
  job: JobName,
  number: number,
): Effect.Effect<Either.Either<Build, string>, HttpError, HttpTransport> =>
  unlessGone(
    getOne(settings, `${jobPath(job)}${number}/api/json`, Build, { tree: BUILD_FIELDS }),
    'build deleted',
  )

/**
 * The stages of a Pipeline run (`wfapi/describe`), or why not: `stages unavailable (404)` (the
 * build was deleted, or the Pipeline Stage View plugin is not installed).
 *
 * @since 0.1.0
 * @category backfill
 */
export const describeRun = (
  settings: HttpSettings,
  job: JobName,
  number: number,
): Effect.Effect<Either.Either<RunDescription, string>, HttpError, HttpTransport> =>
  unlessGone(
    getOne(settings, `${jobPath(job)}${number}/wfapi/describe`, RunDescription),
    'stages unavailable',
  )

/**
 * A build with its stages when it is a Pipeline run (`_class` WorkflowRun), and why they are
 * missing when they are.
 *
 * @since 0.1.0
 * @category backfill
 */
export const withStages = (
  settings: HttpSettings,
  job: string,
  build: FetchedBuild['build'],
): Effect.Effect<{ fetched: FetchedBuild; unjoined: string[] }, HttpError, HttpTransport> =>
  build._class !== PIPELINE_RUN
    ? Effect.succeed({ fetched: { job, build }, unjoined: [] })
    : describeRun(settings, job, build.number).pipe(
        Effect.map(
          Either.match({
            onLeft: (reason) => ({ fetched: { job, build }, unjoined: [reason] }),
            onRight: (description) => ({ fetched: { job, build, description }, unjoined: [] }),
          }),
        ),
      )
