/**
 * One stay of an item in a stage as the incremental recorder knows it: `exit` undefined while
 * the item is still there.
 *
 * @since 0.1.0
 * @category recorder
 */
export interface Stay {
  readonly stage: number
  readonly enter: number
  exit: number | undefined
}

/**
 * What the incremental recorder remembers of one work item until it is done.
 *
 * @since 0.1.0
 * @category recorder
 */
export interface ItemState {
  firstEnter: number
  /** First enter of a stage at or after the commitment point (cycle time starts here). */
  committedAt: number | undefined
  /** First enter of a work stage (DORA lead time for changes starts here). */
  firstWork: number | undefined
  done: boolean
  /** Dropped unfinished (its latest exit said `abandoned`, and nothing entered since): not WIP. */
  abandoned: boolean
  stays: Stay[]
  /** Exits that came before their enter, by stage. */
  earlyExits: Map<number, number[]>
  /** The stage of the latest exit, for the queue the item waits in. */
  lastExit: { stage: number; at: number } | undefined
  /** Set when the item is a change (its events link a `pr`): its repository, and whether it was closed unmerged. */
  change: { repository: string | undefined; closed: boolean } | undefined
}

/**
 * A fresh item first seen at `at`.
 *
 * @since 0.1.0
 * @category recorder
 */
export const newItem = (at: number): ItemState => ({
  firstEnter: at,
  committedAt: undefined,
  firstWork: undefined,
  done: false,
  abandoned: false,
  stays: [],
  earlyExits: new Map(),
  lastExit: undefined,
  change: undefined,
})

/**
 * Pairs an exit with the latest open stay of its stage that began no later than it; returns the
 * closed stay, or undefined (the exit is then kept until its enter arrives).
 *
 * @since 0.1.0
 * @category recorder
 */
export const closeStay = (item: ItemState, stage: number, at: number): Stay | undefined => {
  let match: Stay | undefined
  for (const stay of item.stays) {
    if (stay.stage === stage && stay.exit === undefined && stay.enter <= at) {
      if (match === undefined || stay.enter > match.enter) match = stay
    }
  }
  if (match === undefined) {
    const early = item.earlyExits.get(stage) ?? []
    early.push(at)
    item.earlyExits.set(stage, early)
    return undefined
  }
  match.exit = at
  return match
}

/**
 * Opens a stay, or closes it at once with the earliest exit that came before its enter.
 *
 * @since 0.1.0
 * @category recorder
 */
export const openStay = (item: ItemState, stage: number, at: number): Stay => {
  const early = item.earlyExits.get(stage)
  const index = early === undefined ? -1 : bestExit(early, at)
  const exit = index < 0 ? undefined : early!.splice(index, 1)[0]
  const stay: Stay = { stage, enter: at, exit }
  item.stays.push(stay)
  return stay
}

const bestExit = (exits: ReadonlyArray<number>, enter: number): number => {
  let best = -1
  for (let i = 0; i < exits.length; i++) {
    if (exits[i]! >= enter && (best < 0 || exits[i]! < exits[best]!)) best = i
  }
  return best
}
