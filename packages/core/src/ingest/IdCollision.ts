/**
 * One event of an id collision: the line it was read from (when it came from NDJSON), its item,
 * stage and type.
 *
 * @since 0.1.0
 * @category ingest
 */
export interface CollidingEvent {
  readonly line: number | undefined
  readonly itemId: string
  readonly stage: string
  readonly type: 'enter' | 'exit'
}

/**
 * Two events that carry the same id with other content (another item, stage, type, time or
 * outcome): `kept` came first and is counted, `dropped` is left out.
 *
 * @since 0.1.0
 * @category ingest
 */
export interface IdCollision {
  readonly id: string
  readonly kept: CollidingEvent
  readonly dropped: CollidingEvent
}

/**
 * The id collisions of an input: how many events were left out, and the first few collisions.
 *
 * @since 0.1.0
 * @category ingest
 */
export interface IdCollisions {
  readonly count: number
  readonly samples: ReadonlyArray<IdCollision>
}

const describe = (event: CollidingEvent): string =>
  `${event.line === undefined ? '' : `line ${event.line}: `}item ${event.itemId}, ${event.stage} ${event.type}`

/**
 * The warning that names the events whose id an earlier event with other content already
 * carried, each with both items; undefined when there are none.
 *
 * @since 0.1.0
 * @category ingest
 */
export const collisionWarning = (collisions: IdCollisions): string | undefined => {
  if (collisions.count === 0) return undefined
  const named = collisions.samples.map(
    (collision) =>
      `id ${JSON.stringify(collision.id)} (${describe(collision.kept)}; again ${describe(collision.dropped)})`,
  )
  const more = collisions.count > collisions.samples.length ? '; ...' : ''
  const events = collisions.count === 1 ? '1 event reuses the id' : `${collisions.count} events reuse the id`
  return `${events} of an earlier event with other content and ${collisions.count === 1 ? 'was' : 'were'} left out (the first one counts): ${named.join('; ')}${more}.`
}
