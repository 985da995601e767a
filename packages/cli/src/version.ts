import pkg from '../package.json' with { type: 'json' }

/**
 * The version of `@herbie/cli`, as `herbie --version` prints it.
 *
 * @since 0.1.0
 * @category cli
 */
export const VERSION: string = pkg.version
