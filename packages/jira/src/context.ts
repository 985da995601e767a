import type { EventContext } from '@herbie/core'
import type { Issue, IssueLink } from './api.js'
import type { JiraConfig } from './config.js'
import { kindOf } from './kinds.js'

/**
 * The item id of an issue: `jira:KEY` (`jira:PAY-142`).
 *
 * @since 0.1.0
 * @category mapping
 */
export const issueItemId = (key: string): string => `jira:${key}`

/** The other issue of a link and the words that say how this issue relates to it. */
const otherEnd = (
  link: IssueLink,
): { readonly key: string; readonly phrase: string | undefined } | undefined => {
  if (link.outwardIssue?.key !== undefined) return { key: link.outwardIssue.key, phrase: link.type?.outward }
  if (link.inwardIssue?.key !== undefined) return { key: link.inwardIssue.key, phrase: link.type?.inward }
  return undefined
}

/**
 * What every event of an issue carries: the item `jira:KEY`; an `issue` link to the issue itself
 * and one to every issue it links (`issuelinks`); and the attributes `project`, `issueType` and
 * `kind` (see `kindOf`). A link whose words for this issue name a cause ("is caused by") also
 * sets `causedBy` (the keys of the causes, comma-separated) and `causeLink` (those words): a defect
 * linked to the feature that caused it is failure demand.
 *
 * @since 0.1.0
 * @category mapping
 */
export const issueContext = (issue: Issue, config: Pick<JiraConfig, 'kinds'>): EventContext => {
  const ends = issue.fields.issuelinks.flatMap((link) => {
    const end = otherEnd(link)
    return end === undefined ? [] : [end]
  })
  const causes = ends.filter((end) => end.phrase !== undefined && /\bcaused by\b/i.test(end.phrase))
  const linked = [...new Set(ends.map((end) => end.key))].filter((key) => key !== issue.key)
  const issueType = issue.fields.issuetype?.name
  return {
    itemId: issueItemId(issue.key),
    links: [{ kind: 'issue', id: issue.key }, ...linked.map((key) => ({ kind: 'issue' as const, id: key }))],
    attributes: {
      ...(issue.fields.project?.key === undefined ? {} : { project: issue.fields.project.key }),
      ...(issueType === undefined ? {} : { issueType }),
      kind: kindOf(issueType, config.kinds),
      ...(causes.length === 0
        ? {}
        : {
            causedBy: [...new Set(causes.map((end) => end.key))].join(','),
            causeLink: [...new Set(causes.map((end) => end.phrase!))].join(','),
          }),
    },
  }
}
