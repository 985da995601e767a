import { StagePattern } from '@herbie/core'
import { Schema } from 'effect'
import { defaultStagePatterns } from './stagePatterns.js'

const BaseUrl = Schema.String.pipe(
  Schema.pattern(/^https?:\/\/[^/\s]+(\/\S*)?$/, {
    message: () => 'baseUrl is the address of Jenkins, with its path prefix: https://ci.example/jenkins',
  }),
)

const ScmKind = Schema.Literal('github', 'gitlab')

/**
 * The Jenkins adapter's options. `baseUrl` includes the context path Jenkins runs under
 * (`https://ci.acme.example/jenkins`); `user` and `token` (an API token, kept redacted) are sent
 * with basic auth. `jobs` names jobs or folders by full name (`payments/main`, `payments`); by
 * default every job the user can see. See docs/jenkins.md.
 *
 * @since 0.1.0
 * @category config
 */
export const JenkinsConfig = Schema.Struct({
  baseUrl: BaseUrl,
  user: Schema.optional(Schema.String.pipe(Schema.minLength(1))),
  token: Schema.optional(Schema.Redacted(Schema.String)),
  /** Jobs or folders to sync, by full name; empty or absent: every job the user can see. */
  jobs: Schema.optionalWith(Schema.Array(Schema.String.pipe(Schema.minLength(1))), { default: () => [] }),
  /** How deep folders and multibranch projects are walked (a job at depth 1 sits at the top). */
  depth: Schema.optionalWith(Schema.Number.pipe(Schema.int(), Schema.between(1, 8)), { default: () => 4 }),
  /** Builds per request (`allBuilds{M,N}` ranges). */
  pageSize: Schema.optionalWith(Schema.Number.pipe(Schema.int(), Schema.between(1, 100)), {
    default: () => 100,
  }),
  /** On the first sync, only builds that started at or after this instant. */
  since: Schema.optional(Schema.String),
  /** Pipeline stage names to value-stream stages, first match wins; other stages are `ci`. */
  stagePatterns: Schema.optionalWith(Schema.Array(StagePattern), { default: () => defaultStagePatterns }),
  /** Which SCM host names are GitHub and which GitLab, for the item ids of pull and merge requests. */
  hosts: Schema.optionalWith(Schema.Record({ key: Schema.String, value: ScmKind }), {
    default: () => ({ 'github.com': 'github' as const, 'gitlab.com': 'gitlab' as const }),
  }),
  /** Issue keys in commit messages become `issue` links (default: Jira style). */
  issueKeyPattern: Schema.optionalWith(Schema.String, { default: () => '\\b[A-Z][A-Z0-9]+-\\d+\\b' }),
  /** The shared secret the Notification plugin sends as the password of its URL's user info. */
  webhookSecret: Schema.optional(Schema.Redacted(Schema.String)),
}).pipe(
  Schema.filter((config) =>
    (config.user === undefined) === (config.token === undefined)
      ? true
      : {
          path: [config.user === undefined ? 'user' : 'token'],
          message: 'user and token go together: set both (JENKINS_USER and JENKINS_TOKEN) or neither',
        },
  ),
)

/**
 * Decoded Jenkins options.
 *
 * @since 0.1.0
 * @category config
 */
export type JenkinsConfig = typeof JenkinsConfig.Type
