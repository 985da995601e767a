import { adapterConformance } from '@herbie/testkit'
import { jiraAdapter } from '../src/index.js'
import { delivery, SECRET, SHARED_TOKEN } from './deliveries.js'
import { CLOUD, cloudIssues, DC, dcIssues, EMAIL, fakeJira, fixture, PAT, TOKEN } from './fakeJira.js'

type Json = Record<string, unknown>

/** PAY-142 with only its newest two histories inline, so that the sync asks the changelog endpoint. */
const issues = cloudIssues().map((issue) => {
  if (issue.key !== 'PAY-142') return issue
  const changelog = issue.changelog as { histories: Json[] }
  return {
    ...issue,
    changelog: { startAt: 0, maxResults: 2, total: 6, histories: changelog.histories.slice(0, 2) },
  }
})

adapterConformance(jiraAdapter, {
  config: {
    baseUrl: CLOUD,
    email: EMAIL,
    token: TOKEN,
    jql: 'project = PAY',
    pageSize: 1,
    webhookSecret: SECRET,
  },
  handlers: fakeJira({
    platform: 'cloud',
    issues,
    changelogs: { 'PAY-142': fixture<{ values: Json[] }>('issue-PAY-142-changelog.json').values },
  }).handlers,
  minEvents: 13,
  enrichment: [{ url: `${CLOUD}/rest/api/3/issue/PAY-142/changelog`, status: 404 }],
  webhooks: [delivery('webhooks/jira-issue_created.json'), delivery('webhooks/jira-issue_updated.json')],
})

// Data Center, with a shared token: deliveries without it, or with a wrong one, are refused before the body is read.
adapterConformance(jiraAdapter, {
  config: { baseUrl: DC, token: PAT, jql: 'project = PAY', pageSize: 2, webhookToken: SHARED_TOKEN },
  handlers: fakeJira({ platform: 'datacenter', issues: dcIssues() }).handlers,
  minEvents: 13,
  rejected: [
    delivery('webhooks/jira-issue_updated.json', null),
    delivery('webhooks/jira-issue_updated.json', null, { authorization: 'Bearer not-the-token' }),
  ],
  webhooks: [delivery('webhooks/jira-issue_updated.json', null, { authorization: `Bearer ${SHARED_TOKEN}` })],
})
