// The peer a data engineer would reach for: DuckDB reading the NDJSON and computing p50/p85/p95 of
// time in stage per stage (enter/exit paired per item, stage and visit) and of lead time per item.
import { DuckDBInstance } from '@duckdb/node-api'

const file = process.argv[2].replaceAll("'", "''")
const instance = await DuckDBInstance.create(':memory:')
const db = await instance.connect()
await db.run(`
  CREATE TABLE ev AS
  SELECT itemId, stage, type, CAST("at" AS TIMESTAMPTZ) AS ts
  FROM read_ndjson('${file}', columns = {id: 'VARCHAR', itemId: 'VARCHAR', stage: 'VARCHAR', type: 'VARCHAR', "at": 'VARCHAR', source: 'VARCHAR'})
`)
const stays = await db.runAndReadAll(`
  WITH numbered AS (
    SELECT itemId, stage, type, ts,
           row_number() OVER (PARTITION BY itemId, stage, type ORDER BY ts) AS visit
    FROM ev
  ), paired AS (
    SELECT e.stage, epoch(x.ts) - epoch(e.ts) AS seconds
    FROM numbered e JOIN numbered x
      ON e.itemId = x.itemId AND e.stage = x.stage AND e.visit = x.visit AND e.type = 'enter' AND x.type = 'exit'
  )
  SELECT stage, quantile_cont(seconds, [0.5, 0.85, 0.95]) AS q FROM paired GROUP BY stage ORDER BY stage
`)
const lead = await db.runAndReadAll(`
  WITH items AS (
    SELECT itemId, min(ts) AS first, max(CASE WHEN stage = 'done' THEN ts END) AS done FROM ev GROUP BY itemId
  )
  SELECT quantile_cont(epoch(done) - epoch(first), [0.5, 0.85, 0.95]) AS q FROM items WHERE done IS NOT NULL
`)
console.log(JSON.stringify({ stages: stays.getRowObjectsJson(), lead: lead.getRowObjectsJson() }))
