import sqlite from 'node-sqlite3-wasm'
import type { Candidate, Engine, Row } from './Engine.js'

/** SQLite compiled to WASM with file access (node-sqlite3-wasm): INSERT OR IGNORE ... FROM json_each per batch, WAL; reads iterate one statement. */
export const sqliteWasm: Candidate = {
  name: 'SQLite 3 WASM (node-sqlite3-wasm)',
  packages: ['node-sqlite3-wasm'],
  open: async (dir) => {
    const db = new sqlite.Database(`${dir}/events.sqlite`)
    db.exec(`PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;
      CREATE TABLE IF NOT EXISTS events (
        id TEXT PRIMARY KEY, item_id TEXT NOT NULL, stage TEXT NOT NULL, source TEXT NOT NULL,
        at_ms INTEGER NOT NULL, json TEXT NOT NULL) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS events_at ON events (at_ms, id);`)
    const insert = db.prepare(`INSERT OR IGNORE INTO events
      SELECT value ->> 'id', value ->> 'itemId', value ->> 'stage', value ->> 'source', value ->> 'at', value ->> 'json'
      FROM json_each(?)`)
    const select = db.prepare('SELECT json FROM events WHERE at_ms >= ? AND at_ms < ? ORDER BY at_ms, id')
    const engine: Engine = {
      upsert: async (rows: ReadonlyArray<Row>) => {
        db.exec('BEGIN')
        const changes = insert.run([JSON.stringify(rows)]).changes
        db.exec('COMMIT')
        return changes
      },
      scan: async function* (from: number, to: number) {
        for (const row of select.iterate([from, to])) yield String(row.json)
      },
      count: async () => Number(db.get('SELECT count(*) AS n FROM events')?.n),
      close: async () => {
        insert.finalize()
        select.finalize()
        db.close()
      },
    }
    return engine
  },
}
