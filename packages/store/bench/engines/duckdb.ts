import { DuckDBInstance } from '@duckdb/node-api'
import type { Candidate, Engine, Row } from './Engine.js'

/** DuckDB through @duckdb/node-api: an appender into a staging table, then INSERT OR IGNORE; reads stream chunks. */
export const duckdb: Candidate = {
  name: 'DuckDB 1.5 (@duckdb/node-api)',
  packages: ['@duckdb/node-api', '@duckdb/node-bindings', '@duckdb/node-bindings-linux-x64'],
  open: async (dir) => {
    const instance = await DuckDBInstance.create(`${dir}/events.duckdb`)
    const db = await instance.connect()
    await db.run(`CREATE TABLE IF NOT EXISTS events (
      id VARCHAR PRIMARY KEY, item_id VARCHAR NOT NULL, stage VARCHAR NOT NULL, source VARCHAR NOT NULL,
      at_ms BIGINT NOT NULL, json VARCHAR NOT NULL)`)
    await db.run('CREATE INDEX IF NOT EXISTS events_at ON events (at_ms, id)')
    await db.run('CREATE TEMP TABLE IF NOT EXISTS staging AS SELECT * FROM events LIMIT 0')
    const engine: Engine = {
      upsert: async (rows: ReadonlyArray<Row>) => {
        const appender = await db.createAppender('staging', 'main', 'temp')
        for (const row of rows) {
          appender.appendVarchar(row.id)
          appender.appendVarchar(row.itemId)
          appender.appendVarchar(row.stage)
          appender.appendVarchar(row.source)
          appender.appendBigInt(BigInt(row.at))
          appender.appendVarchar(row.json)
          appender.endRow()
        }
        appender.closeSync()
        await db.run('BEGIN')
        const result = await db.run('INSERT OR IGNORE INTO events SELECT * FROM staging')
        await db.run('DELETE FROM staging')
        await db.run('COMMIT')
        return result.rowsChanged
      },
      scan: async function* (from: number, to: number) {
        const result = await db.stream(
          'SELECT json FROM events WHERE at_ms >= $from AND at_ms < $to ORDER BY at_ms, id',
          {
            from,
            to,
          },
        )
        for await (const rows of result.yieldRowsJs()) for (const [json] of rows) yield String(json)
      },
      count: async () => Number((await db.runAndReadAll('SELECT count(*) FROM events')).getRowsJS()[0]?.[0]),
      close: async () => {
        db.closeSync()
        instance.closeSync()
      },
    }
    return engine
  },
}
