import pkg from '../package.json' with { type: 'json' }

/**
 * The instrumentation scope Herbie's instruments belong to: this package's name and version (read
 * from its package.json when it is built), as `otel_scope_name` and `otel_scope_version` show them.
 *
 * @since 0.1.0
 * @category names
 */
export const INSTRUMENTATION_SCOPE: { readonly name: string; readonly version: string } = {
  name: pkg.name,
  version: pkg.version,
}
