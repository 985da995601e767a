import { Schema } from 'effect'
import type { StageEventEncoded } from '../../event/StageEvent.js'
import { type CiStayNaming, ciStays, OpenStay } from './ciStays.js'
import { contextKey, EventContext } from './EventContext.js'
import type { RunAttempt } from './RunAttempt.js'

/**
 * An open CI stay with the item it belongs to, as a checkpoint keeps it.
 *
 * @since 0.1.0
 * @category adapter mapping
 */
export const CarriedStay = Schema.Struct({ ...OpenStay.fields, context: EventContext })

/**
 * A decoded carried stay.
 *
 * @since 0.1.0
 * @category adapter mapping
 */
export interface CarriedStay extends Schema.Schema.Type<typeof CarriedStay> {}

/**
 * The CI stays of every item of a sync: the attempts fetched, grouped by item (its context), each
 * group with the stay the previous sync left open for it, through {@link ciStays}. Returns the
 * events, the stays still open (for the next checkpoint) and the attempts still queued.
 *
 * @since 0.1.0
 * @category adapter mapping
 */
export const ciStaysByItem = (
  naming: CiStayNaming,
  stage: string,
  carried: ReadonlyArray<CarriedStay>,
  fetched: ReadonlyArray<{ readonly context: EventContext; readonly attempts: ReadonlyArray<RunAttempt> }>,
): {
  readonly events: StageEventEncoded[]
  readonly open: CarriedStay[]
  readonly queued: RunAttempt[]
} => {
  const groups = new Map<string, { context: EventContext; attempts: RunAttempt[]; carried?: CarriedStay }>()
  for (const stay of carried)
    groups.set(contextKey(stay.context), { context: stay.context, attempts: [], carried: stay })
  for (const { context, attempts } of fetched) {
    const key = contextKey(context)
    const group = groups.get(key)
    if (group === undefined) groups.set(key, { context, attempts: [...attempts] })
    else group.attempts.push(...attempts)
  }
  const events: StageEventEncoded[] = []
  const open: CarriedStay[] = []
  const queued: RunAttempt[] = []
  for (const { context, attempts, carried: stay } of groups.values()) {
    const stays = ciStays(naming, context, stage, attempts, stay)
    events.push(...stays.events)
    if (stays.open !== undefined) open.push({ ...stays.open, context })
    queued.push(...stays.queued)
  }
  return { events, open, queued }
}
