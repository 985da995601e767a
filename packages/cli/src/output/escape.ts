const NAMED: Readonly<Record<number, string>> = { 9: '\\t', 10: '\\n', 13: '\\r' }

/**
 * Whether a character code would act on a terminal instead of showing: C0 and C1 control
 * characters, DEL, the line and paragraph separators and the bidirectional overrides (which
 * reorder what follows them).
 */
const acts = (code: number): boolean =>
  code < 0x20 ||
  (code >= 0x7f && code <= 0x9f) ||
  code === 0x2028 ||
  code === 0x2029 ||
  (code >= 0x202a && code <= 0x202e) ||
  (code >= 0x2066 && code <= 0x2069)

const shown = (code: number): string =>
  NAMED[code] ??
  (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`)

/**
 * Makes text from the input safe to print on a terminal: every control character is shown as an
 * escape instead of acting (ESC as `\x1b`, a newline as `\n`, a carriage return as `\r`, a tab as
 * `\t`, NUL as `\x00`, a right-to-left override as `\u202e`), so a stage named `"\u001b[2J"`
 * cannot clear the screen and an item id cannot forge a line of output. Other text is unchanged.
 *
 * @since 0.1.0
 * @category output
 */
export const escapeControl = (text: string): string => {
  let out = ''
  let from = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (!acts(code)) continue
    out += text.slice(from, i) + shown(code)
    from = i + 1
  }
  return from === 0 ? text : out + text.slice(from)
}
