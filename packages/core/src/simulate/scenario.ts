import type { Distribution } from './random.js'

/**
 * A work stage of a simulated stream: how many items it serves at once (`Infinity` for no
 * limit), how long one takes (hours), an optional named queue in front of it (its wait shows as
 * explicit queue events; without one the wait is an implicit gap), and an optional failure rate
 * (a failed attempt exits with outcome `failure` and queues again).
 *
 * @since 0.1.0
 * @category simulation
 */
export interface SimStage {
  readonly name: string
  readonly servers: number
  readonly service: Distribution
  readonly queue?: string
  readonly failureRate?: number
  /** Set `environment` on this stage's events (`production` makes its exits count for DORA). */
  readonly environment?: string
  /**
   * A pull limit: at most this many items in the stage and its queue. While it is full, an item
   * done with the stage before stays there (holding its server) until a place frees up, so
   * upstream stops starting new work; arrivals held at the first stage wait outside the stream.
   */
  readonly wipLimit?: number
}

/**
 * How work arrives: a Poisson stream of new items per day, `saturated` (the first stage always
 * has a next item, as developers with a backlog do), or a renewal process of given intervals.
 *
 * @since 0.1.0
 * @category simulation
 */
export type SimArrivals =
  | { readonly kind: 'poisson'; readonly perDay: number }
  | { readonly kind: 'saturated' }
  /** Times between arrivals drawn from a distribution (hours), such as observed ones. */
  | { readonly kind: 'renewal'; readonly interval: Distribution }

/**
 * From `fromDay` on, `stage` works `factor` times faster.
 *
 * @since 0.1.0
 * @category simulation
 */
export interface SimSpeedup {
  readonly stage: string
  readonly fromDay: number
  readonly factor: number
}

/**
 * A tandem value stream to simulate: items flow through `stages` in order, each stage serving
 * them first come, first served in the order they became ready for it.
 *
 * @since 0.1.0
 * @category simulation
 */
export interface SimScenario {
  readonly seed: number
  /** Start of the simulation, ISO-8601. */
  readonly start: string
  readonly days: number
  readonly arrivals: SimArrivals
  readonly stages: ReadonlyArray<SimStage>
  /** A stage entered when an item leaves the last one (`done` unless set). */
  readonly done?: string
  readonly speedups?: ReadonlyArray<SimSpeedup>
  /** Prefix of item ids (`sim`), and the events' `source` (`simulator`). */
  readonly itemPrefix?: string
  readonly source?: string
}
