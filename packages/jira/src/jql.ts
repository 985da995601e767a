/**
 * How far before the newest `updated` of the last sync the next one asks from: Jira's JQL dates
 * have minute precision and are read in the user's time zone, so the next sync queries an hour
 * earlier (covering a change of daylight saving time or of the profile's zone) and the issues it
 * sees again map to the same event ids.
 *
 * @since 0.1.0
 * @category backfill
 */
export const OVERLAP_MINUTES = 60

/** The widest offset from UTC of any time zone (+14:00), for a `since` instant the user's zone may put earlier. */
const WIDEST_OFFSET_MINUTES = 14 * 60

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/

const format = (ms: number): string => new Date(ms).toISOString().slice(0, 16).replace('T', ' ')

/**
 * The JQL date (`"2026-03-10 11:00"`, the user's wall time) from which to query again after an
 * issue updated at `updated` as Jira wrote it: its own wall time (Jira writes times in the
 * requesting user's zone, the zone JQL reads dates in) less {@link OVERLAP_MINUTES}.
 *
 * @since 0.1.0
 * @category backfill
 */
export const jqlDateAfter = (updated: string): string => {
  const match = WALL_TIME.exec(updated)
  if (match === null) throw new Error(`not a Jira timestamp: ${updated}`)
  const [, year, month, day, hour, minute] = match.map(Number)
  return format(Date.UTC(year!, month! - 1, day!, hour!, minute!) - OVERLAP_MINUTES * 60_000)
}

/**
 * The JQL date for a first sync's `since` instant, whatever the user's zone: the instant's UTC wall
 * time less the widest offset there is (issues updated before `since` are then left out by time).
 *
 * @since 0.1.0
 * @category backfill
 */
export const jqlDateSince = (since: number): string => format(since - WIDEST_OFFSET_MINUTES * 60_000)

/**
 * The user's JQL restricted to issues updated at or after `from` (a JQL date) and ordered by
 * `updated` (oldest first), so that each page's newest `updated` is a checkpoint: `(project = PAY)
 * AND updated >= "2026-03-10 11:00" ORDER BY updated ASC`. An `ORDER BY` of the user's is
 * replaced.
 *
 * @since 0.1.0
 * @category backfill
 */
export const incrementalJql = (jql: string, from: string | undefined): string => {
  const where = jql.replace(/\s*\border\s+by\b[\s\S]*$/i, '').trim()
  const clauses = [
    ...(where === '' ? [] : [`(${where})`]),
    ...(from === undefined ? [] : [`updated >= "${from}"`]),
  ]
  return `${clauses.join(' AND ')} ORDER BY updated ASC`.trim()
}
