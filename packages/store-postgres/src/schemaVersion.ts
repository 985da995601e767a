import { SCHEMA_VERSION } from './internal/schema.js'

/**
 * The schema version this release of the PostgreSQL store writes; opening an older database
 * migrates it to this one, and a newer one is refused.
 *
 * @since 0.1.0
 * @category postgres store
 */
export const POSTGRES_SCHEMA_VERSION: number = SCHEMA_VERSION
