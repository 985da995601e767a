const JIRA_TIME = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})$/

/**
 * A Jira timestamp as an ISO instant in UTC with milliseconds (`2026-03-03T10:02:11.000Z`). Jira
 * writes the offset of the requesting user's time zone without a colon
 * (`2026-03-03T11:02:11.000+0100`); undefined for a time that does not parse.
 *
 * @since 0.1.0
 * @category mapping
 */
export const jiraTime = (time: string): string | undefined => {
  const match = JIRA_TIME.exec(time)
  if (match === null) return undefined
  const offset = match[2]!
  const iso = `${match[1]}${offset === 'Z' || offset.includes(':') ? offset : `${offset.slice(0, 3)}:${offset.slice(3)}`}`
  const ms = Date.parse(iso)
  return Number.isFinite(ms) ? new Date(ms).toISOString() : undefined
}
