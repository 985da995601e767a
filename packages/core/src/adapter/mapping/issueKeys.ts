/**
 * The distinct issue keys (`PAY-142`) found in the texts, for the `issue` links every adapter
 * gives (pull request titles, branches, commit messages).
 *
 * @since 0.1.0
 * @category adapter mapping
 */
export const issueKeys = (pattern: string, texts: ReadonlyArray<string | null | undefined>): string[] => {
  const found = new Set<string>()
  const regex = new RegExp(pattern, 'g')
  for (const text of texts) for (const match of (text ?? '').matchAll(regex)) found.add(match[0])
  return [...found]
}
