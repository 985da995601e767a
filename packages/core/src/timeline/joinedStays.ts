import type { Interval } from './Timeline.js'

/**
 * Ends each of a tracker's stays where a code member of the same work item enters a later stage
 * during it: a ticket left In Progress (or in any status its category maps to develop) while
 * its pull request is reviewed, built and deployed was in develop only until the code moved on.
 * The code's own stays of the tracker's stage then merge with what remains. A tracker stay that
 * begins after the code's last later enter is kept whole.
 *
 * @since 0.1.0
 * @category timelines
 */
export const cutTrackerStays = (
  tracker: ReadonlyArray<Interval>,
  code: ReadonlyArray<Interval>,
): Interval[] =>
  tracker.map((stay) => {
    let cut: number | undefined
    for (const other of code) {
      if (other.stage <= stay.stage || other.enter <= stay.enter) continue
      if (stay.exit !== undefined && other.enter >= stay.exit) continue
      if (cut === undefined || other.enter < cut) cut = other.enter
    }
    return cut === undefined ? stay : { ...stay, exit: cut, outcome: undefined }
  })

/**
 * Ends every stay of a joined work item that is still running when the item is done at `doneAt`
 * (a ticket closed a day after the production deployment, a deployment tool reporting success
 * seconds after another): time after done is not the item's flow. Stays entered after done (a
 * reopen) are kept as they are.
 *
 * @since 0.1.0
 * @category timelines
 */
export const endAtDone = (stays: ReadonlyArray<Interval>, doneStage: number, doneAt: number): Interval[] =>
  stays.map((stay) =>
    stay.stage !== doneStage && stay.enter < doneAt && (stay.exit === undefined || stay.exit > doneAt)
      ? { ...stay, exit: doneAt, outcome: stay.exit === undefined ? undefined : stay.outcome }
      : stay,
  )
