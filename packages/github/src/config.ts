import { Schema } from 'effect'
import { defaultRunFilter, RunFilter } from './runFilter.js'

const Repository = Schema.String.pipe(
  Schema.pattern(/^[\w.-]+\/[\w.-]+$/, { message: () => 'a repository is written OWNER/NAME' }),
)

/**
 * The GitHub adapter's options. `token` is kept redacted; `baseUrl` points at GitHub Enterprise
 * Server (`https://ghe.example.com/api/v3`) or a local fake in tests.
 *
 * @since 0.1.0
 * @category config
 */
export const GithubConfig = Schema.Struct({
  repositories: Schema.NonEmptyArray(Repository),
  token: Schema.optional(Schema.Redacted(Schema.String)),
  baseUrl: Schema.optionalWith(Schema.String, { default: () => 'https://api.github.com' }),
  /** Issue keys in titles, branches and commit messages become `issue` links (default: Jira style). */
  issueKeyPattern: Schema.optionalWith(Schema.String, { default: () => '\\b[A-Z][A-Z0-9]+-\\d+\\b' }),
  /**
   * Also sync issues: each becomes a work item that waits in the backlog until a pull request
   * references it, and the pull requests that close it (`Closes #12`) add their stages to it.
   */
  issues: Schema.optionalWith(Schema.Boolean, { default: () => false }),
  /**
   * Which done candidates to emit: `auto` (default) emits both the merge and the first successful
   * production deployment, each marked in `attributes.doneRule`, and the analysis picks per
   * repository; `merge` or `production-deploy` emits only that one.
   */
  doneAt: Schema.optionalWith(Schema.Literal('auto', 'merge', 'production-deploy'), {
    default: () => 'auto' as const,
  }),
  /** Which workflow runs are delivery work (CI stays); by default those of pushes and pull requests. */
  runs: Schema.optionalWith(RunFilter, { default: () => defaultRunFilter }),
  /** Sync only what changed after this instant (the first sync; later ones use the checkpoint). */
  since: Schema.optional(Schema.String),
  perPage: Schema.optionalWith(Schema.Number.pipe(Schema.int(), Schema.between(1, 100)), {
    default: () => 100,
  }),
  webhookSecret: Schema.optional(Schema.Redacted(Schema.String)),
})

/**
 * Decoded GitHub options.
 *
 * @since 0.1.0
 * @category config
 */
export type GithubConfig = typeof GithubConfig.Type

/**
 * The options that decide which item a pull request's facts belong to.
 *
 * @since 0.1.0
 * @category config
 */
export type Correlation = Pick<GithubConfig, 'issueKeyPattern' | 'issues'>

/**
 * Whether the config asks for a kind of done candidate (`auto` asks for both).
 *
 * @since 0.1.0
 * @category config
 */
export const emitsDone = (
  config: Pick<GithubConfig, 'doneAt'>,
  rule: 'merge' | 'production-deploy',
): boolean => config.doneAt === 'auto' || config.doneAt === rule
