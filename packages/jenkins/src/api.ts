import { Schema } from 'effect'

/**
 * A cause of a build (`hudson.model.Cause$UserIdCause`, `jenkins.branch.BranchEventCause`,
 * `org.jenkinsci.plugins.workflow.cps.replay.ReplayCause`...).
 *
 * @since 0.1.0
 * @category api
 */
export const Cause = Schema.Struct({
  _class: Schema.optional(Schema.String),
  shortDescription: Schema.optional(Schema.String),
})

/**
 * One entry of a build's `actions`: a union of unrelated beans, so every field is optional and
 * an action of no interest (often `{}` under a `tree=` selection) decodes to nothing. The adapter
 * reads causes (`CauseAction`), the git plugin's `BuildData` (`lastBuiltRevision`, `remoteUrls`)
 * and the Metrics plugin's `TimeInQueueAction` (`queuingDurationMillis` is the wall time from
 * entering the queue until leaving it; blocked, buildable and waiting are its parts).
 *
 * @since 0.1.0
 * @category api
 */
export const Action = Schema.Struct({
  _class: Schema.optional(Schema.String),
  causes: Schema.optional(Schema.Array(Cause)),
  lastBuiltRevision: Schema.optional(
    Schema.Struct({
      SHA1: Schema.String,
      branch: Schema.optional(
        Schema.Array(
          Schema.Struct({ SHA1: Schema.optional(Schema.String), name: Schema.optional(Schema.String) }),
        ),
      ),
    }),
  ),
  remoteUrls: Schema.optional(Schema.Array(Schema.String)),
  queuingDurationMillis: Schema.optional(Schema.Number),
  blockedDurationMillis: Schema.optional(Schema.Number),
  buildableDurationMillis: Schema.optional(Schema.Number),
  waitingDurationMillis: Schema.optional(Schema.Number),
})

/**
 * A decoded action.
 *
 * @since 0.1.0
 * @category api
 */
export type Action = typeof Action.Type

/**
 * A change set: the commits a checkout brought in. `msg` is the first line of the message;
 * `commitId` the revision (git: the SHA). `kind` is null when the build had no SCM.
 *
 * @since 0.1.0
 * @category api
 */
export const ChangeSet = Schema.Struct({
  kind: Schema.optional(Schema.NullOr(Schema.String)),
  items: Schema.Array(
    Schema.Struct({
      commitId: Schema.optional(Schema.String),
      msg: Schema.optional(Schema.String),
    }),
  ),
})

/**
 * The fields of a build the adapter reads, as `api/json` gives them under its `tree=`
 * selection. Times are epoch milliseconds: `timestamp` is when the build was created (it left
 * the queue), `duration` 0 while it runs. `result` is null while `building`. Pipeline runs carry
 * `changeSets` (one per checkout), freestyle builds `changeSet`.
 *
 * @since 0.1.0
 * @category api
 */
export const Build = Schema.Struct({
  _class: Schema.optional(Schema.String),
  number: Schema.Number,
  url: Schema.String,
  result: Schema.optionalWith(Schema.NullOr(Schema.String), { default: () => null }),
  building: Schema.Boolean,
  timestamp: Schema.Number,
  duration: Schema.Number,
  queueId: Schema.optional(Schema.Number),
  actions: Schema.optionalWith(Schema.Array(Schema.NullOr(Action)), { default: () => [] }),
  changeSets: Schema.optional(Schema.Array(ChangeSet)),
  changeSet: Schema.optional(ChangeSet),
})

/**
 * A decoded build.
 *
 * @since 0.1.0
 * @category api
 */
export type Build = typeof Build.Type

/**
 * A page of a job's builds, newest first: `allBuilds{M,N}` (`builds` stops at the newest 100).
 *
 * @since 0.1.0
 * @category api
 */
export const BuildPage = Schema.Struct({ allBuilds: Schema.Array(Build) })

/**
 * An item of the job tree: a job (`lastBuild` null before its first build) or a folder, a
 * multibranch project, an organisation folder (with `jobs`).
 *
 * @since 0.1.0
 * @category api
 */
export interface JobNode {
  readonly _class?: string | undefined
  readonly name: string
  readonly fullName?: string | undefined
  readonly url: string
  readonly lastBuild?: { readonly number: number } | null | undefined
  readonly jobs?: ReadonlyArray<JobNode> | undefined
}

/**
 * The schema of a {@link JobNode}, decoding nested folders.
 *
 * @since 0.1.0
 * @category api
 */
export const JobNode: Schema.Schema<JobNode> = Schema.Struct({
  _class: Schema.optional(Schema.String),
  name: Schema.String,
  fullName: Schema.optional(Schema.String),
  url: Schema.String,
  lastBuild: Schema.optional(Schema.NullOr(Schema.Struct({ number: Schema.Number }))),
  jobs: Schema.optional(Schema.Array(Schema.suspend((): Schema.Schema<JobNode> => JobNode))),
})

/**
 * The top of a job tree request: Jenkins itself (`jobs`) or one job or folder.
 *
 * @since 0.1.0
 * @category api
 */
export const JobTree = Schema.Struct({
  _class: Schema.optional(Schema.String),
  name: Schema.optional(Schema.String),
  fullName: Schema.optional(Schema.String),
  url: Schema.optional(Schema.NullOr(Schema.String)),
  lastBuild: Schema.optional(Schema.NullOr(Schema.Struct({ number: Schema.Number }))),
  jobs: Schema.optional(Schema.Array(JobNode)),
})

/**
 * A decoded job tree top.
 *
 * @since 0.1.0
 * @category api
 */
export type JobTree = typeof JobTree.Type

/**
 * A stage of a Pipeline run (`wfapi/describe`, the Pipeline Stage View plugin). `durationMillis`
 * includes `pauseDurationMillis`, the time an `input` step waited for a person (absent in
 * releases before 2015: 0). `status`: SUCCESS, FAILED, UNSTABLE, ABORTED, IN_PROGRESS,
 * PAUSED_PENDING_INPUT, NOT_EXECUTED.
 *
 * @since 0.1.0
 * @category api
 */
export const Stage = Schema.Struct({
  id: Schema.String,
  name: Schema.String,
  status: Schema.String,
  startTimeMillis: Schema.Number,
  durationMillis: Schema.Number,
  pauseDurationMillis: Schema.optionalWith(Schema.Number, { default: () => 0 }),
})

/**
 * A decoded stage.
 *
 * @since 0.1.0
 * @category api
 */
export type Stage = typeof Stage.Type

/**
 * A Pipeline run as `wfapi/describe` gives it: its status and its stages, oldest first. Its own
 * `queueDurationMillis` is the few milliseconds between the run's creation and its start, not
 * the time in the Jenkins queue.
 *
 * @since 0.1.0
 * @category api
 */
export const RunDescription = Schema.Struct({
  id: Schema.String,
  status: Schema.String,
  startTimeMillis: Schema.Number,
  stages: Schema.Array(Stage),
})

/**
 * A decoded run description.
 *
 * @since 0.1.0
 * @category api
 */
export type RunDescription = typeof RunDescription.Type
