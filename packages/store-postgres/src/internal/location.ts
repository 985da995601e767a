/**
 * How a store names its database in errors and messages: the URL with its password (in the
 * user-info part or a `password` parameter) replaced by `***`. A text that is not a URL is not
 * shown at all, since it may hold a password in a form we do not parse.
 */
export const locationOf = (url: string): string => {
  if (!URL.canParse(url)) return 'postgres://(not a URL)'
  const parsed = new URL(url)
  if (parsed.password !== '') parsed.password = '***'
  if (parsed.searchParams.has('password')) parsed.searchParams.set('password', '***')
  return parsed.toString()
}

/** The secrets of a URL (its password, decoded and as written) that no message may contain. */
export const secretsOf = (url: string): ReadonlyArray<string> => {
  if (!URL.canParse(url)) return [url]
  const parsed = new URL(url)
  const passwords = [parsed.password, parsed.searchParams.get('password') ?? '']
  return passwords.flatMap((password) => [password, decoded(password)]).filter((secret) => secret !== '')
}

const decoded = (text: string): string => {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

/** `text` with every secret replaced by `***`. */
export const scrub = (text: string, secrets: ReadonlyArray<string>): string =>
  secrets.reduce((scrubbed, secret) => scrubbed.split(secret).join('***'), text)
