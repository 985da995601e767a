/**
 * `@herbie/store-postgres`: the event store a team shares, in a PostgreSQL database that several
 * `herbie sync` and `herbie serve` processes write at once.
 *
 * @since 0.1.0
 */
export { makePostgresEventStore, postgresEventStore } from './PostgresStore.js'
export { POSTGRES_SCHEMA_VERSION } from './schemaVersion.js'
