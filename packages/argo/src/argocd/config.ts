import { RegexString } from '@herbie/core'
import { Schema } from 'effect'
import { BaseUrl } from '../baseUrl.js'
import { Hosts } from '../revision.js'

/**
 * Where an application's environment comes from: a `label` of the application (the
 * `environmentLabel` option, `environment` by default), its `name-suffix` (`payments-prod`:
 * `prod`) or its destination `namespace` as it is.
 *
 * @since 0.1.0
 * @category config
 */
export const EnvironmentSource = Schema.Literal('label', 'name-suffix', 'namespace')

/**
 * The Argo CD adapter's options. `baseUrl` is the Argo CD server; `token` a bearer token (an
 * account's API token, `argocd account generate-token`). `apps` names applications (default:
 * every one the token can see, narrowed by `projects` and the label `selector`). See
 * docs/argo.md.
 *
 * @since 0.1.0
 * @category config
 */
export const ArgocdConfig = Schema.Struct({
  baseUrl: BaseUrl,
  token: Schema.optional(Schema.Redacted(Schema.String)),
  /** Applications by name; empty or absent: every application the token can see. */
  apps: Schema.optionalWith(Schema.Array(Schema.String.pipe(Schema.minLength(1))), { default: () => [] }),
  /** Only applications of these projects (`projects=` of the list). */
  projects: Schema.optionalWith(Schema.Array(Schema.String.pipe(Schema.minLength(1))), { default: () => [] }),
  /** A label selector the list applies (`team=payments`). */
  selector: Schema.optional(Schema.String.pipe(Schema.minLength(1))),
  /** Where an application's environment comes from, first found wins. */
  environmentFrom: Schema.optionalWith(Schema.Array(EnvironmentSource), {
    default: () => ['label', 'name-suffix'] as const,
  }),
  /** The label naming the environment, for `environmentFrom: ["label"]`. */
  environmentLabel: Schema.optionalWith(Schema.String.pipe(Schema.minLength(1)), {
    default: () => 'environment',
  }),
  /** Environments that are production: a regular expression on the name, any case. */
  productionEnvironment: Schema.optionalWith(RegexString, { default: () => '^prod(uction)?$' }),
  hosts: Hosts,
  /** Ask `syncwindows` for applications out of sync, to tell a sync window's block from a manual sync. */
  syncWindows: Schema.optionalWith(Schema.Boolean, { default: () => true }),
  /** The shared token the notifications webhook sends in `X-Herbie-Token`. */
  webhookToken: Schema.optional(Schema.Redacted(Schema.String)),
})

/**
 * Decoded Argo CD options.
 *
 * @since 0.1.0
 * @category config
 */
export type ArgocdConfig = typeof ArgocdConfig.Type
