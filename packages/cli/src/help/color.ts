/**
 * Whether output to a stream may be coloured: only on a terminal, and never when `NO_COLOR` is
 * set to anything but the empty string (https://no-color.org).
 *
 * @since 0.1.0
 * @category help
 */
export const useColor = (
  stream: { readonly isTTY?: boolean | undefined },
  env: Readonly<Record<string, string | undefined>>,
): boolean => stream.isTTY === true && (env.NO_COLOR === undefined || env.NO_COLOR === '')
