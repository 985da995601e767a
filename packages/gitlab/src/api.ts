import { Schema } from 'effect'

/*
 * The fields of GitLab's REST answers the adapter reads, optional or nullable where GitLab's
 * documentation (`doc/api/*.md`) or its response entities (`lib/api/entities/*.rb`) say so, or
 * where older servers leave them out (see test/fixtures/SOURCES.md for each).
 */

const Time = Schema.String
const NullableTime = Schema.NullOr(Schema.String)
const User = Schema.Struct({ username: Schema.String })

/**
 * A project as `GET /projects/:id` and `GET /groups/:id/projects` give it.
 *
 * @since 0.1.0
 * @category api
 */
export const Project = Schema.Struct({ id: Schema.Number, path_with_namespace: Schema.String })

/**
 * A decoded project.
 *
 * @since 0.1.0
 * @category api
 */
export type Project = typeof Project.Type

/**
 * The fields of a merge request (`MergeRequestBasic`: list and detail) the adapter reads.
 * `draft` is there from GitLab 14.0 (older servers send only `work_in_progress`, deprecated since);
 * `squash_commit_sha` from 14.x; `merged_at` and `closed_at` come from the metrics and may be null;
 * `sha` (the diff head) is null while the merge request has no diff.
 *
 * @since 0.1.0
 * @category api
 */
export const MergeRequest = Schema.Struct({
  id: Schema.Number,
  iid: Schema.Number,
  project_id: Schema.Number,
  title: Schema.String,
  description: Schema.NullOr(Schema.String),
  /** `opened`, `closed`, `locked` or `merged`. */
  state: Schema.String,
  created_at: Time,
  updated_at: Time,
  merged_at: NullableTime,
  closed_at: NullableTime,
  source_branch: Schema.String,
  sha: Schema.NullOr(Schema.String),
  merge_commit_sha: Schema.NullOr(Schema.String),
  squash_commit_sha: Schema.optionalWith(Schema.NullOr(Schema.String), { default: () => null }),
  draft: Schema.optional(Schema.NullOr(Schema.Boolean)),
  work_in_progress: Schema.optional(Schema.NullOr(Schema.Boolean)),
  author: User,
})

/**
 * A decoded merge request.
 *
 * @since 0.1.0
 * @category api
 */
export type MergeRequest = typeof MergeRequest.Type

/**
 * A note of a merge request (`GET /projects/:id/merge_requests/:iid/notes`): comments, and the
 * system notes GitLab writes for what happened (`marked this merge request as **ready**`,
 * `approved this merge request`). `type` is null for plain comments.
 *
 * @since 0.1.0
 * @category api
 */
export const Note = Schema.Struct({
  id: Schema.Number,
  type: Schema.optional(Schema.NullOr(Schema.String)),
  body: Schema.String,
  author: User,
  created_at: Time,
  system: Schema.Boolean,
})

/**
 * A decoded note.
 *
 * @since 0.1.0
 * @category api
 */
export type Note = typeof Note.Type

/**
 * A commit of a merge request (`GET /projects/:id/merge_requests/:iid/commits`), times with the
 * committer's offset (`+00:00`).
 *
 * @since 0.1.0
 * @category api
 */
export const Commit = Schema.Struct({
  id: Schema.String,
  message: Schema.String,
  authored_date: Time,
})

/**
 * A decoded commit.
 *
 * @since 0.1.0
 * @category api
 */
export type Commit = typeof Commit.Type

/**
 * A pipeline as lists give it (`PipelineBasic`): no start or finish (the detail has them; the
 * adapter reads its jobs instead). `source` is missing from servers older than 12.x, `name`
 * (`workflow:name`) before 16.x; `project_id` is left out of some documented examples.
 *
 * @since 0.1.0
 * @category api
 */
export const Pipeline = Schema.Struct({
  id: Schema.Number,
  project_id: Schema.optional(Schema.Number),
  sha: Schema.String,
  ref: Schema.String,
  /** created, waiting_for_resource, preparing, pending, running, success, failed, canceled, skipped, manual, scheduled. */
  status: Schema.String,
  source: Schema.optional(Schema.String),
  name: Schema.optional(Schema.NullOr(Schema.String)),
  created_at: Time,
  updated_at: Time,
})

/**
 * A decoded pipeline.
 *
 * @since 0.1.0
 * @category api
 */
export type Pipeline = typeof Pipeline.Type

/**
 * The fields of a job (`JobBasic`) the adapter reads. `started_at` and `finished_at` are null
 * until the job starts and ends; `duration` and `queued_duration` are floats in seconds, null
 * before the job ran (and `queued_duration` is missing before GitLab 13.x). The REST entity has no
 * `retried` flag: with `include_retried=true` a retried job and its retry are both listed, under
 * the same name.
 *
 * @since 0.1.0
 * @category api
 */
export const Job = Schema.Struct({
  id: Schema.Number,
  name: Schema.String,
  stage: Schema.String,
  /** created, waiting_for_resource, preparing, pending, running, success, failed, canceled, canceling, skipped, manual, scheduled. */
  status: Schema.String,
  allow_failure: Schema.Boolean,
  created_at: Time,
  started_at: NullableTime,
  finished_at: NullableTime,
  queued_duration: Schema.optionalWith(Schema.NullOr(Schema.Number), { default: () => null }),
})

/**
 * A decoded job.
 *
 * @since 0.1.0
 * @category api
 */
export type Job = typeof Job.Type

/**
 * A bridge job (`GET /projects/:id/pipelines/:id/bridges`): the trigger of a child or downstream
 * pipeline, null until that pipeline exists.
 *
 * @since 0.1.0
 * @category api
 */
export const Bridge = Schema.Struct({
  id: Schema.Number,
  downstream_pipeline: Schema.NullOr(
    Schema.Struct({ id: Schema.Number, project_id: Schema.optional(Schema.Number) }),
  ),
})

/**
 * A decoded bridge.
 *
 * @since 0.1.0
 * @category api
 */
export type Bridge = typeof Bridge.Type

/**
 * The fields of a deployment the adapter reads. `environment.tier` exists from GitLab 13.10,
 * `deployable` (the job that deploys) is null for deployments made through the API.
 *
 * @since 0.1.0
 * @category api
 */
export const Deployment = Schema.Struct({
  id: Schema.Number,
  sha: Schema.String,
  ref: Schema.String,
  /** created, running, success, failed, canceled, skipped, blocked. */
  status: Schema.String,
  created_at: Time,
  updated_at: Time,
  environment: Schema.Struct({
    name: Schema.String,
    tier: Schema.optional(Schema.NullOr(Schema.String)),
  }),
  deployable: Schema.NullOr(
    Schema.Struct({
      id: Schema.Number,
      started_at: NullableTime,
      finished_at: NullableTime,
      queued_duration: Schema.optionalWith(Schema.NullOr(Schema.Number), { default: () => null }),
    }),
  ),
})

/**
 * A decoded deployment.
 *
 * @since 0.1.0
 * @category api
 */
export type Deployment = typeof Deployment.Type
