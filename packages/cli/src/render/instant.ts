/**
 * An ISO-8601 instant written for people, to the minute and in UTC: `2026-03-02 09:15 UTC`.
 *
 * @since 0.1.0
 * @category rendering
 */
export const formatInstant = (iso: string): string => {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`
}
