const CLOSING = /\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?)\s*:?\s+(?:([\w.-]+\/[\w.-]+))?#(\d+)\b/gi

/**
 * The issue a pull request closes, from GitHub's closing keywords in its title or body
 * (`Closes #12`, `fixes acme/api#7`, `Resolved: #3`): the first one mentioned, as an item id.
 * Without a repository the issue is in the pull request's own.
 *
 * @since 0.1.0
 * @category mapping
 */
export const closingIssue = (
  repository: string,
  texts: ReadonlyArray<string | null | undefined>,
): { readonly repository: string; readonly number: number } | undefined => {
  for (const text of texts) {
    for (const match of (text ?? '').matchAll(CLOSING)) {
      return { repository: match[1] ?? repository, number: Number(match[2]) }
    }
  }
  return undefined
}
