/**
 * Replaces every occurrence of each secret in `text` with `[redacted]`. Secrets shorter than four
 * characters are left alone (they would blank out ordinary words).
 *
 * @since 0.1.0
 * @category adapter
 */
export const redact = (text: string, secrets: ReadonlyArray<string>): string =>
  secrets.reduce((out, secret) => (secret.length >= 4 ? out.split(secret).join('[redacted]') : out), text)
