const WEBHOOK_TIME = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d+)?) (UTC|[+-]\d{4})$/

/**
 * A GitLab timestamp as an ISO instant in UTC with milliseconds (`2026-03-10T11:05:30.412Z`).
 * GitLab writes three forms: ISO 8601 in REST (`Z` or the server's offset, `+02:00`), `2026-03-10
 * 11:05:41 UTC` in pipeline and merge request webhooks, and `2026-03-10 11:40:12 +0000` in
 * deployment webhooks. Undefined for a time that does not parse.
 *
 * @since 0.1.0
 * @category mapping
 */
export const gitlabTime = (time: string): string | undefined => {
  const webhook = WEBHOOK_TIME.exec(time)
  const iso =
    webhook === null
      ? time
      : `${webhook[1]}T${webhook[2]}${webhook[3] === 'UTC' ? 'Z' : `${webhook[3]!.slice(0, 3)}:${webhook[3]!.slice(3)}`}`
  const ms = Date.parse(iso)
  return Number.isFinite(ms) && /(Z|[+-]\d{2}:?\d{2})$/.test(iso) ? new Date(ms).toISOString() : undefined
}

/**
 * An instant some seconds before another (a job's start less its `queued_duration`: when it was
 * queued).
 *
 * @since 0.1.0
 * @category mapping
 */
export const secondsBefore = (time: string, seconds: number): string =>
  new Date(Date.parse(time) - Math.round(seconds * 1000)).toISOString()
