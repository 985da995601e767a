/**
 * The PostgreSQL store's schema, one migration per version, numbered like the embedded store's
 * (version 2 of both holds the same tables and indexes). A migration runs in the transaction that
 * records its number in `herbie_schema`, under an advisory lock, so concurrent openers migrate
 * once and a database is always at one version. Never edit a shipped migration: add the next one.
 */
export const MIGRATIONS: ReadonlyArray<{ readonly version: number; readonly sql: string }> = [
  {
    version: 1,
    // Ids compare byte by byte (COLLATE "C"), as the embedded store and JavaScript order them.
    sql: `CREATE TABLE herbie_events (
        id TEXT COLLATE "C" PRIMARY KEY,
        item_id TEXT NOT NULL,
        stage TEXT NOT NULL,
        source TEXT NOT NULL,
        at_ms BIGINT NOT NULL,
        json TEXT NOT NULL
      );
      CREATE INDEX herbie_events_by_time ON herbie_events (at_ms, id);
      CREATE TABLE herbie_checkpoints (source TEXT PRIMARY KEY, json TEXT NOT NULL);`,
  },
  {
    // `herbie item ID` and `herbie events --item` read one item's events in time order.
    version: 2,
    sql: 'CREATE INDEX herbie_events_by_item ON herbie_events (item_id, at_ms, id);',
  },
]

/** The schema version this build of the store writes. */
export const SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0

/** The table that holds the schema version (one row). */
export const VERSION_TABLE = 'herbie_schema'

/** The advisory lock key openers hold while they check and migrate the schema ("herbie" in ASCII). */
export const MIGRATION_LOCK = 0x686572626965
