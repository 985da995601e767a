/**
 * A duration in seconds written for people: `42 s`, `18 min`, `6.2 h`, `3.5 d`.
 *
 * @since 0.1.0
 * @category formatting
 */
export const formatDuration = (seconds: number): string => {
  if (!Number.isFinite(seconds)) return '—'
  const abs = Math.abs(seconds)
  if (abs < 90) return `${Math.round(seconds)} s`
  if (abs < 90 * 60) return `${Math.round(seconds / 60)} min`
  if (abs < 48 * 3600) return `${(seconds / 3600).toFixed(1)} h`
  return `${(seconds / 86_400).toFixed(1)} d`
}

/**
 * A share as a whole percentage: `0.4213` → `42%`.
 *
 * @since 0.1.0
 * @category formatting
 */
export const formatPercent = (share: number): string => `${Math.round(share * 100)}%`
