/**
 * A seeded source of uniform numbers in [0, 1): the same seed always gives the same sequence.
 *
 * @since 0.1.0
 * @category simulation
 */
export type Random = () => number

/**
 * A small, fast seeded generator (SplitMix32-style mixing of a Weyl sequence).
 *
 * @since 0.1.0
 * @category simulation
 */
export const seededRandom = (seed: number): Random => {
  let state = seed >>> 0
  return () => {
    state = (state + 0x9e3779b9) >>> 0
    let z = state
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0
    z = (z ^ (z >>> 16)) >>> 0
    return z / 4_294_967_296
  }
}

/**
 * A service- or inter-arrival-time distribution, by its mean (in hours).
 *
 * @since 0.1.0
 * @category simulation
 */
export type Distribution =
  | { readonly kind: 'constant'; readonly mean: number }
  | { readonly kind: 'exponential'; readonly mean: number }
  | { readonly kind: 'lognormal'; readonly mean: number; readonly cv: number }
  | { readonly kind: 'uniform'; readonly min: number; readonly max: number }
  /** Observed values, drawn with equal chance (resampling what was measured). */
  | { readonly kind: 'empirical'; readonly samples: ReadonlyArray<number> }

/**
 * Draws one value from a distribution.
 *
 * @since 0.1.0
 * @category simulation
 */
export const sample = (distribution: Distribution, random: Random): number => {
  switch (distribution.kind) {
    case 'constant':
      return distribution.mean
    case 'exponential':
      return -Math.log(1 - random()) * distribution.mean
    case 'uniform':
      return distribution.min + random() * (distribution.max - distribution.min)
    case 'empirical':
      return distribution.samples[Math.floor(random() * distribution.samples.length)] ?? 0
    case 'lognormal': {
      const sigma2 = Math.log(1 + distribution.cv * distribution.cv)
      const mu = Math.log(distribution.mean) - sigma2 / 2
      const u1 = 1 - random()
      const u2 = random()
      const normal = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2)
      return Math.exp(mu + Math.sqrt(sigma2) * normal)
    }
  }
}

/**
 * The mean of a distribution.
 *
 * @since 0.1.0
 * @category simulation
 */
export const meanOf = (distribution: Distribution): number => {
  if (distribution.kind === 'uniform') return (distribution.min + distribution.max) / 2
  if (distribution.kind === 'empirical') {
    const { samples } = distribution
    return samples.length === 0 ? 0 : samples.reduce((sum, value) => sum + value, 0) / samples.length
  }
  return distribution.mean
}
