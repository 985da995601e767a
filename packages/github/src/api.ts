import { decodeBody as decodeWith, type MalformedPayload } from '@herbie/core'
import { type Effect, Schema } from 'effect'

const Time = Schema.String
const NullableTime = Schema.NullOr(Schema.String)

/**
 * The fields of a pull request (list or detail) the adapter reads.
 *
 * @since 0.1.0
 * @category api
 */
export const Pull = Schema.Struct({
  number: Schema.Number,
  title: Schema.String,
  state: Schema.Literal('open', 'closed'),
  draft: Schema.optionalWith(Schema.Boolean, { default: () => false }),
  created_at: Time,
  updated_at: Time,
  closed_at: NullableTime,
  merged_at: NullableTime,
  merge_commit_sha: Schema.NullOr(Schema.String),
  head: Schema.Struct({ ref: Schema.String, sha: Schema.String }),
  user: Schema.NullOr(Schema.Struct({ login: Schema.String })),
  body: Schema.NullOr(Schema.String),
})

/**
 * A decoded pull request.
 *
 * @since 0.1.0
 * @category api
 */
export type Pull = typeof Pull.Type

/**
 * An issue-timeline event: `committed` (with `sha` and `author.date`), `ready_for_review`,
 * `convert_to_draft`, `reviewed` (with lower-case `state` and `submitted_at`), `merged`... The
 * timeline is a union of event kinds, so every field is optional: GitHub's description does not
 * require `event` on commits and line comments, nor `created_at` on commits and reviews.
 *
 * @since 0.1.0
 * @category api
 */
export const TimelineEvent = Schema.Struct({
  event: Schema.optional(Schema.String),
  created_at: Schema.optional(Time),
  submitted_at: Schema.optional(Time),
  state: Schema.optional(Schema.String),
  sha: Schema.optional(Schema.String),
  message: Schema.optional(Schema.String),
  author: Schema.optional(Schema.Struct({ date: Schema.String })),
  /** On `cross-referenced`: the issue or pull request whose text mentions this one. */
  source: Schema.optional(
    Schema.Struct({
      issue: Schema.optional(
        Schema.Struct({ number: Schema.Number, pull_request: Schema.optional(Schema.Unknown) }),
      ),
    }),
  ),
})

/**
 * A decoded timeline event.
 *
 * @since 0.1.0
 * @category api
 */
export type TimelineEvent = typeof TimelineEvent.Type

/**
 * The fields of an issue the adapter reads. The issues list also holds pull requests, marked by a
 * `pull_request` field; the adapter skips them. `state_reason`: completed, not_planned,
 * duplicate, reopened or null.
 *
 * @since 0.1.0
 * @category api
 */
export const Issue = Schema.Struct({
  number: Schema.Number,
  title: Schema.String,
  state: Schema.Literal('open', 'closed'),
  state_reason: Schema.optionalWith(Schema.NullOr(Schema.String), { default: () => null }),
  created_at: Time,
  updated_at: Time,
  closed_at: NullableTime,
  user: Schema.NullOr(Schema.Struct({ login: Schema.String })),
  pull_request: Schema.optional(Schema.Unknown),
})

/**
 * A decoded issue.
 *
 * @since 0.1.0
 * @category api
 */
export type Issue = typeof Issue.Type

/**
 * The fields of a workflow run the adapter reads.
 *
 * @since 0.1.0
 * @category api
 */
export const WorkflowRun = Schema.Struct({
  id: Schema.Number,
  /** The workflow's name; GitHub's description allows it to be absent or null. */
  name: Schema.optionalWith(Schema.NullOr(Schema.String), { default: () => null }),
  /** The workflow file, `.github/workflows/ci.yml`. */
  path: Schema.String,
  /** What triggered the run: `pull_request`, `push`, `schedule`, `workflow_dispatch`... */
  event: Schema.String,
  status: Schema.NullOr(Schema.String),
  conclusion: Schema.NullOr(Schema.String),
  head_sha: Schema.String,
  head_branch: Schema.NullOr(Schema.String),
  created_at: Time,
  run_started_at: Schema.optional(Time),
  updated_at: Time,
  run_attempt: Schema.optionalWith(Schema.Number, { default: () => 1 }),
  /** Open pull requests whose head matches the run; null or empty for forks and schedules. */
  pull_requests: Schema.NullOr(Schema.Array(Schema.Struct({ number: Schema.Number }))),
})

/**
 * A decoded workflow run.
 *
 * @since 0.1.0
 * @category api
 */
export type WorkflowRun = typeof WorkflowRun.Type

/**
 * A page of workflow runs (`{ total_count, workflow_runs }`).
 *
 * @since 0.1.0
 * @category api
 */
export const WorkflowRunPage = Schema.Struct({ workflow_runs: Schema.Array(WorkflowRun) })

/**
 * The fields of an Actions job the adapter reads.
 *
 * @since 0.1.0
 * @category api
 */
export const Job = Schema.Struct({
  id: Schema.Number,
  name: Schema.String,
  /** Which attempt of the run the job belongs to (with `filter=all`, jobs of every attempt). */
  run_attempt: Schema.optional(Schema.Number),
  status: Schema.String,
  conclusion: Schema.NullOr(Schema.String),
  created_at: Time,
  started_at: Time,
  completed_at: NullableTime,
})

/**
 * A page of jobs (`{ total_count, jobs }`).
 *
 * @since 0.1.0
 * @category api
 */
export const JobPage = Schema.Struct({ jobs: Schema.Array(Job) })

/**
 * A decoded job.
 *
 * @since 0.1.0
 * @category api
 */
export type Job = typeof Job.Type

/**
 * The fields of a deployment the adapter reads.
 *
 * @since 0.1.0
 * @category api
 */
export const Deployment = Schema.Struct({
  id: Schema.Number,
  sha: Schema.String,
  ref: Schema.String,
  environment: Schema.String,
  production_environment: Schema.optionalWith(Schema.Boolean, { default: () => false }),
  created_at: Time,
})

/**
 * A decoded deployment.
 *
 * @since 0.1.0
 * @category api
 */
export type Deployment = typeof Deployment.Type

/**
 * The fields of a deployment status the adapter reads (`state`: queued, waiting, in_progress,
 * success, failure, error, inactive, pending).
 *
 * @since 0.1.0
 * @category api
 */
export const DeploymentStatus = Schema.Struct({ id: Schema.Number, state: Schema.String, created_at: Time })

/**
 * A decoded deployment status.
 *
 * @since 0.1.0
 * @category api
 */
export type DeploymentStatus = typeof DeploymentStatus.Type

/**
 * Decodes a GitHub response body; a body that does not match fails with `MalformedPayload` naming
 * the endpoint and the JSON path of the first wrong field (core's `decodeBody` for `github`).
 *
 * @since 0.1.0
 * @category api
 */
export const decodeBody = <A, I>(
  schema: Schema.Schema<A, I>,
  endpoint: string,
  body: unknown,
): Effect.Effect<A, MalformedPayload> => decodeWith('github', schema, endpoint, body)
