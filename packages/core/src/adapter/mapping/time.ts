const pick =
  (better: (a: number, b: number) => boolean) =>
  (times: ReadonlyArray<string | null | undefined>): string | undefined =>
    times
      .filter((time): time is string => typeof time === 'string')
      .reduce<string | undefined>(
        (best, time) => (best === undefined || better(Date.parse(time), Date.parse(best)) ? time : best),
        undefined,
      )

/**
 * The earliest of some ISO instants, ignoring the missing ones.
 *
 * @since 0.1.0
 * @category adapter mapping
 */
export const earliest: (times: ReadonlyArray<string | null | undefined>) => string | undefined = pick(
  (a, b) => a < b,
)

/**
 * The latest of some ISO instants, ignoring the missing ones.
 *
 * @since 0.1.0
 * @category adapter mapping
 */
export const latest: (times: ReadonlyArray<string | null | undefined>) => string | undefined = pick(
  (a, b) => a > b,
)
