import type { EventContext } from '@herbie/core'

type Link = EventContext['links'][number]

const REFERENCE = /(?:^|[\s(])((?:[\w.-]+\/)+[\w.-]+)?#(\d+)\b/g
const BRANCH_ISSUE = /^(\d+)-/

/**
 * The issue links of a merge request's texts: issue keys (`PAY-150`, by the pattern) in titles,
 * descriptions, branches and commit messages, GitLab references (`#12`, `group/project#12`) in
 * titles and descriptions, and the issue a branch was made from (`12-fix-rounding`, GitLab's
 * naming for branches created from an issue). Each link once, in the order found.
 *
 * @since 0.1.0
 * @category mapping
 */
export const issueLinks = (
  project: string,
  pattern: string,
  texts: {
    readonly prose: ReadonlyArray<string | null>
    readonly branch: string
    readonly messages: ReadonlyArray<string>
  },
): Link[] => {
  const ids = new Set<string>()
  const keyPattern = new RegExp(pattern, 'g')
  for (const text of [...texts.prose, texts.branch, ...texts.messages])
    for (const match of (text ?? '').matchAll(keyPattern)) ids.add(match[0])
  for (const text of texts.prose)
    for (const match of (text ?? '').matchAll(REFERENCE)) ids.add(`${match[1] ?? project}#${match[2]}`)
  const fromBranch = BRANCH_ISSUE.exec(texts.branch)
  if (fromBranch !== null) ids.add(`${project}#${fromBranch[1]}`)
  return [...ids].map((id) => ({ kind: 'issue', id }))
}
