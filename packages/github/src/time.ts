/**
 * The earliest of some ISO instants, ignoring the missing ones.
 *
 * @since 0.1.0
 * @category mapping
 */
export const earliest = (times: ReadonlyArray<string | null | undefined>): string | undefined =>
  times
    .filter((time): time is string => typeof time === 'string')
    .sort((a, b) => Date.parse(a) - Date.parse(b))[0]
