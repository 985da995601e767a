import { AutoCorrect, CliConfig } from '@effect/cli'

/**
 * The candidate closest to a mistyped word, when it is close enough to be what was meant (the
 * parser's own distance and limit), for "did you mean ...?".
 *
 * @since 0.1.0
 * @category help
 */
export const closest = (word: string, candidates: Iterable<string>): string | undefined => {
  const config = CliConfig.defaultConfig
  let best: { candidate: string; distance: number } | undefined
  for (const candidate of candidates) {
    const distance = AutoCorrect.levensteinDistance(word, candidate, config)
    if (distance <= config.autoCorrectLimit && (best === undefined || distance < best.distance))
      best = { candidate, distance }
  }
  return best?.candidate
}

/**
 * ` (did you mean X?)` for the closest candidate, or nothing.
 *
 * @since 0.1.0
 * @category help
 */
export const didYouMean = (word: string, candidates: Iterable<string>): string => {
  const match = closest(word, candidates)
  return match === undefined ? '' : ` (did you mean ${match}?)`
}
