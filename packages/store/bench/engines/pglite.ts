import { PGlite } from '@electric-sql/pglite'
import type { Candidate, Engine, Row } from './Engine.js'

/** PGlite (WASM PostgreSQL): one INSERT ... SELECT FROM json_to_recordset ON CONFLICT DO NOTHING per batch; reads through a cursor. */
export const pglite: Candidate = {
  name: 'PGlite 0.5 (@electric-sql/pglite)',
  packages: ['@electric-sql/pglite'],
  open: async (dir) => {
    const db = new PGlite(`${dir}/pglite`)
    await db.exec(`CREATE TABLE IF NOT EXISTS events (
      id TEXT PRIMARY KEY, item_id TEXT NOT NULL, stage TEXT NOT NULL, source TEXT NOT NULL,
      at_ms BIGINT NOT NULL, json TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS events_at ON events (at_ms, id);`)
    const engine: Engine = {
      upsert: async (rows: ReadonlyArray<Row>) => {
        const result = await db.query(
          `INSERT INTO events SELECT r."id", r."itemId", r."stage", r."source", r."at", r."json"
           FROM json_to_recordset($1::json) AS r("id" text, "itemId" text, "stage" text, "source" text, "at" bigint, "json" text)
           ON CONFLICT (id) DO NOTHING`,
          [JSON.stringify(rows)],
        )
        return result.affectedRows ?? 0
      },
      scan: async function* (from: number, to: number) {
        // A cursor inside a transaction, fetched 5,000 rows at a time.
        await db.exec('BEGIN')
        try {
          await db.query(
            'DECLARE scan NO SCROLL CURSOR FOR SELECT json FROM events WHERE at_ms >= $1 AND at_ms < $2 ORDER BY at_ms, id',
            [from, to],
          )
          for (;;) {
            const rows = (await db.query<{ json: string }>('FETCH 5000 FROM scan')).rows
            for (const row of rows) yield row.json
            if (rows.length < 5000) break
          }
        } finally {
          await db.exec('COMMIT')
        }
      },
      count: async () =>
        Number((await db.query<{ n: string }>('SELECT count(*)::text AS n FROM events')).rows[0]?.n),
      close: () => db.close(),
    }
    return engine
  },
}
