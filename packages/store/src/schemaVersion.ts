import { SCHEMA_VERSION } from './internal/schema.js'

/**
 * The schema version this release of the embedded store writes; opening an older store migrates
 * it to this one, and a newer store is refused.
 *
 * @since 0.1.0
 * @category embedded store
 */
export const STORE_SCHEMA_VERSION: number = SCHEMA_VERSION
