/**
 * `@herbie/store`: the embedded event store, a database file under `.herbie/` that needs no
 * server.
 *
 * @since 0.1.0
 */
export { DEFAULT_STORE_PATH, layerEmbeddedStore, makeEmbeddedStore } from './EmbeddedStore.js'
export { STORE_SCHEMA_VERSION } from './schemaVersion.js'
