import { createHash, timingSafeEqual } from 'node:crypto'

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest()

/**
 * Whether a secret a webhook delivery presents equals the configured one, compared in constant
 * time whatever their lengths (both are hashed first, so the length leaks nothing either).
 *
 * @since 0.1.0
 * @category adapter webhooks
 */
export const sameSecret = (expected: string, given: string): boolean =>
  timingSafeEqual(digest(expected), digest(given))
