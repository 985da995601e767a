/**
 * An epoch-millisecond instant (how Jenkins gives every time) as an ISO-8601 UTC timestamp:
 * whole seconds without a fraction (`2026-03-05T14:31:02Z`), other instants with their
 * milliseconds (`2026-03-05T14:31:02.087Z`). Exact: no rounding either way.
 *
 * @since 0.1.0
 * @category mapping
 */
export const isoFromMillis = (millis: number): string => {
  const iso = new Date(millis).toISOString()
  return millis % 1000 === 0 ? `${iso.slice(0, 19)}Z` : iso
}
