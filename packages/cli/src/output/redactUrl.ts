/** `scheme://userinfo@`: the credentials part of a URL, wherever it appears in a text. */
const USERINFO = /\b([a-z][a-z\d+.-]*:\/\/)([^\s/?#@]*)@/gi

/**
 * Hides the credentials of every URL in a text: `http://user:secret@host` becomes
 * `http://user:***@host`, and a lone user part (often a token, `https://TOKEN@host`) becomes
 * `***`. Used on everything the command line prints that may hold a URL: progress, errors.
 *
 * @since 0.1.0
 * @category output
 */
export const redactCredentials = (text: string): string =>
  text.replace(USERINFO, (_match, scheme: string, userinfo: string) => {
    const colon = userinfo.indexOf(':')
    return `${scheme}${colon === -1 ? '***' : `${userinfo.slice(0, colon)}:***`}@`
  })
