import { RegexString, StagePattern } from '@herbie/core'
import { Schema } from 'effect'
import { BaseUrl } from '../baseUrl.js'
import { Hosts } from '../revision.js'

/**
 * The default template patterns: a template that deploys, releases or promotes to production
 * (`promote-production`, `deploy-prod`) is a `deploy` of `production`; any other with `deploy`,
 * `release` or `promote` in its name a deploy of an unknown environment. Templates no pattern
 * matches are CI work.
 *
 * @since 0.1.0
 * @category config
 */
export const defaultTemplatePatterns: ReadonlyArray<StagePattern> = [
  {
    pattern: '(?:deploy|release|promote).*prod|prod.*(?:deploy|release|promote)',
    stage: 'deploy',
    environment: 'production',
  },
  { pattern: 'deploy|release|promote', stage: 'deploy' },
]

/**
 * The Argo Workflows adapter's options. `baseUrl` is the Argo Server; `token` a bearer token
 * (a service account's). `namespace` names the namespace to list (default: every namespace the
 * token can see). See docs/argo.md.
 *
 * @since 0.1.0
 * @category config
 */
export const ArgoWorkflowsConfig = Schema.Struct({
  baseUrl: BaseUrl,
  token: Schema.optional(Schema.Redacted(Schema.String)),
  namespace: Schema.optional(Schema.String.pipe(Schema.minLength(1))),
  /** A label selector the lists apply (`workflows.argoproj.io/workflow-template=payments-itest`). */
  labelSelector: Schema.optional(Schema.String.pipe(Schema.minLength(1))),
  /** Workflows per page (`listOptions.limit`). */
  pageSize: Schema.optionalWith(Schema.Number.pipe(Schema.int(), Schema.between(1, 500)), {
    default: () => 100,
  }),
  /** Template names to value-stream stages, first match wins; other templates are CI work. */
  templatePatterns: Schema.optionalWith(Schema.Array(StagePattern), {
    default: () => defaultTemplatePatterns,
  }),
  /** Environments that are production: a regular expression on the name, any case. */
  productionEnvironment: Schema.optionalWith(RegexString, { default: () => '^prod(uction)?$' }),
  /** The parameter or label naming the commit a workflow builds (its value: 7 to 40 hex digits). */
  commitKey: Schema.optionalWith(RegexString, {
    default: () => '^(?:.+/)?(?:git-?)?(?:commit(?:-?sha)?|sha|revision)$',
  }),
  /** The parameter or label naming its repository (a URL, `OWNER/NAME`, or `OWNER.NAME` in a label). */
  repositoryKey: Schema.optionalWith(RegexString, {
    default: () => '^(?:.+/)?(?:git-?)?repo(?:sitory)?(?:-?url)?$',
  }),
  /** The repository of workflows that name none, `OWNER/NAME`. */
  repository: Schema.optional(Schema.String.pipe(Schema.pattern(/^[\w.-]+(\/[\w.-]+)+$/))),
  /** The host kind of a repository named without a URL. */
  scm: Schema.optionalWith(Schema.Literal('github', 'gitlab'), { default: () => 'github' as const }),
  hosts: Hosts,
  /** Also read the workflow archive (`/api/v1/archived-workflows`) for workflows the live list lost. */
  archived: Schema.optionalWith(Schema.Boolean, { default: () => true }),
  /** On the first sync, only workflows started at or after this instant. */
  since: Schema.optional(Schema.String),
})

/**
 * Decoded Argo Workflows options.
 *
 * @since 0.1.0
 * @category config
 */
export type ArgoWorkflowsConfig = typeof ArgoWorkflowsConfig.Type
