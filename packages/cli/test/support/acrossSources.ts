/** Stage events of one change seen by four sources, for the correlation tests. */
const T0 = Date.parse('2026-03-02T00:00:00Z')
/** The merge commit of the pull request. */
export const MERGE = 'a'.repeat(40)
const iso = (hours: number) => new Date(T0 + hours * 3_600_000).toISOString()

const event = (
  source: string,
  itemId: string,
  stage: string,
  type: 'enter' | 'exit',
  hours: number,
  extra: Record<string, unknown> = {},
) =>
  JSON.stringify({
    id: `${source}/${stage}/${type}/${hours}`,
    itemId,
    stage,
    type,
    at: iso(hours),
    source,
    ...extra,
  })

const ticket = { links: [{ kind: 'issue', id: 'PAY-142' }], attributes: { kind: 'feature' } }
const pull = {
  links: [
    { kind: 'pr', id: 'acme/api#7' },
    { kind: 'issue', id: 'PAY-142' },
    { kind: 'commit', id: MERGE },
  ],
  attributes: { repository: 'acme/api' },
}
const commit = { links: [{ kind: 'commit', id: MERGE }], attributes: { repository: 'acme/api' } }
const production = { ...commit, attributes: { ...commit.attributes, environment: 'production' } }
/** The item id of the bare merge commit that the build and the deployment carry. */
export const BARE = `github:acme/api@${MERGE}`

/** A ticket, its pull request, a build of the merge commit and its production deployment. */
export const lines = [
  event('jira', 'jira:PAY-142', 'backlog', 'enter', 0, ticket),
  event('jira', 'jira:PAY-142', 'backlog', 'exit', 10, ticket),
  event('jira', 'jira:PAY-142', 'develop', 'enter', 10, ticket),
  event('jira', 'jira:PAY-142', 'develop', 'exit', 26, ticket),
  event('github', 'github:acme/api#7', 'develop', 'enter', 12, pull),
  event('github', 'github:acme/api#7', 'develop', 'exit', 20, pull),
  event('github', 'github:acme/api#7', 'review', 'enter', 22, pull),
  event('github', 'github:acme/api#7', 'review', 'exit', 25, pull),
  event('github', 'github:acme/api#7', 'done', 'enter', 25, {
    ...pull,
    attributes: { ...pull.attributes, doneRule: 'merge' },
  }),
  event('jenkins', BARE, 'ci', 'enter', 25.5, commit),
  event('jenkins', BARE, 'ci', 'exit', 26, { ...commit, outcome: 'success' }),
  event('argocd', BARE, 'deploy', 'enter', 27, production),
  event('argocd', BARE, 'deploy', 'exit', 28, { ...production, outcome: 'success' }),
  event('argocd', BARE, 'done', 'enter', 28, {
    ...production,
    attributes: { ...production.attributes, doneRule: 'production-deploy' },
  }),
  event('jenkins', `github:acme/api@${'f'.repeat(40)}`, 'ci', 'enter', 30, {
    links: [{ kind: 'commit', id: 'f'.repeat(40) }],
  }),
]
