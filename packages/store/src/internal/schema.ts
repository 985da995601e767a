/**
 * The embedded store's schema, one migration per version. A migration runs in the transaction
 * that also sets SQLite's `user_version` to its number, so a store is always at one version.
 * Never edit a shipped migration: add the next one.
 */
export const MIGRATIONS: ReadonlyArray<{ readonly version: number; readonly sql: string }> = [
  {
    version: 1,
    sql: `CREATE TABLE events (
        id TEXT PRIMARY KEY,
        item_id TEXT NOT NULL,
        stage TEXT NOT NULL,
        source TEXT NOT NULL,
        at_ms INTEGER NOT NULL,
        json TEXT NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX events_by_time ON events (at_ms, id);
      CREATE TABLE checkpoints (source TEXT PRIMARY KEY, json TEXT NOT NULL) WITHOUT ROWID;`,
  },
  {
    // `herbie item ID` and `herbie events --item` read one item's events in time order.
    version: 2,
    sql: 'CREATE INDEX events_by_item ON events (item_id, at_ms, id);',
  },
]

/** The schema version this build of the store writes. */
export const SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0
