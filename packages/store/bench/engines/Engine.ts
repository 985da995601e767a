/** What the benchmark asks of each candidate engine: the same schema, the same statements. */

/** One stored event: its indexed columns and the event's JSON text. */
export interface Row {
  readonly id: string
  readonly itemId: string
  readonly stage: string
  readonly source: string
  readonly at: number
  readonly json: string
}

export interface Engine {
  /** Inserts the rows whose id is new in one transaction; returns how many were new. */
  readonly upsert: (rows: ReadonlyArray<Row>) => Promise<number>
  /** The JSON of the events in [from, to), ordered by time then id, streamed the engine's best way. */
  readonly scan: (from: number, to: number) => AsyncIterable<string>
  readonly count: () => Promise<number>
  readonly close: () => Promise<void>
}

export interface Candidate {
  readonly name: string
  /** The npm packages the engine installs (their node_modules folders are measured). */
  readonly packages: ReadonlyArray<string>
  /** Opens (creating if needed) a store in `dir`. */
  readonly open: (dir: string) => Promise<Engine>
}
