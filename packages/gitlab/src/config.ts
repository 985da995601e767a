import { Schema } from 'effect'
import { defaultPipelineFilter, PipelineFilter } from './pipelineFilter.js'

const Scope = Schema.String.pipe(
  Schema.pattern(/^(\d+|[\w.-]+(\/[\w.-]+)*)$/, {
    message: () => 'a project or group is its full path (group/sub/name) or its numeric id',
  }),
)

/**
 * The GitLab adapter's options. `projects` (full paths like `group/sub/name`, or numeric ids)
 * and `groups` (every project of the group and its subgroups) say what to sync; at least one is
 * needed. `baseUrl` is the instance (`https://gitlab.example.com`; `/api/v4` is added unless
 * given). `token` is a personal, project or group access token with `read_api`, sent as
 * `PRIVATE-TOKEN`, or an OAuth token with `auth: "bearer"`.
 *
 * @since 0.1.0
 * @category config
 */
export const GitlabConfig = Schema.Struct({
  projects: Schema.optionalWith(Schema.Array(Scope), { default: () => [] }),
  groups: Schema.optionalWith(Schema.Array(Scope), { default: () => [] }),
  token: Schema.optional(Schema.Redacted(Schema.String)),
  /** How the token is sent: `private-token` (the `PRIVATE-TOKEN` header, default) or `bearer` (OAuth). */
  auth: Schema.optionalWith(Schema.Literal('private-token', 'bearer'), {
    default: () => 'private-token' as const,
  }),
  baseUrl: Schema.optionalWith(Schema.String, { default: () => 'https://gitlab.com' }),
  /** Issue keys in titles, descriptions, branches and commit messages become `issue` links. */
  issueKeyPattern: Schema.optionalWith(Schema.String, { default: () => '\\b[A-Z][A-Z0-9]+-\\d+\\b' }),
  /**
   * Which done candidates to emit: `auto` (default) both the merge and the first successful
   * production deployment, each marked in `attributes.doneRule`; `merge` or `production-deploy`
   * only that one.
   */
  doneAt: Schema.optionalWith(Schema.Literal('auto', 'merge', 'production-deploy'), {
    default: () => 'auto' as const,
  }),
  /** Which pipelines are delivery work (CI stays); by default those of pushes and merge requests. */
  pipelines: Schema.optionalWith(PipelineFilter, { default: () => defaultPipelineFilter }),
  /**
   * Environments that are production besides those of tier `production`: a regular expression on
   * the environment's name (default `^prod(uction)?$`, any case).
   */
  productionEnvironment: Schema.optionalWith(Schema.String, { default: () => '^prod(uction)?$' }),
  /** Sync only what changed after this instant (the first sync; later ones use the checkpoint). */
  since: Schema.optional(Schema.String),
  perPage: Schema.optionalWith(Schema.Number.pipe(Schema.int(), Schema.between(1, 100)), {
    default: () => 100,
  }),
  /** The secret token of the project's or group's webhook, compared with `X-Gitlab-Token`. */
  webhookToken: Schema.optional(Schema.Redacted(Schema.String)),
}).pipe(
  Schema.filter((config) =>
    config.projects.length + config.groups.length > 0
      ? undefined
      : { path: ['projects'], message: 'name at least one project (or a group in groups)' },
  ),
)

/**
 * Decoded GitLab options.
 *
 * @since 0.1.0
 * @category config
 */
export type GitlabConfig = typeof GitlabConfig.Type

/**
 * Whether the config asks for a kind of done candidate (`auto` asks for both).
 *
 * @since 0.1.0
 * @category config
 */
export const emitsDone = (
  config: Pick<GitlabConfig, 'doneAt'>,
  rule: 'merge' | 'production-deploy',
): boolean => config.doneAt === 'auto' || config.doneAt === rule
