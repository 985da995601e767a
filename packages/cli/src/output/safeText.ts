import { escapeControl } from './escape.js'
import { redactCredentials } from './redactUrl.js'

/**
 * Text from outside (an error, a server's message, a URL, a config value) made fit for the
 * terminal: URL passwords hidden, control characters escaped. Every error line and every line of
 * sync progress goes through it.
 *
 * @since 0.1.0
 * @category output
 */
export const safeText = (text: string): string => escapeControl(redactCredentials(text))
