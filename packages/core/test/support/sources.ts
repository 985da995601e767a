import type { StageEventEncoded } from '../../src/index.js'
import { ev } from './events.js'

type Extra = Partial<StageEventEncoded>

/** A stay as one source writes it: enter and exit with the source's links and attributes; extra on the exit. */
export const sourceStay = (
  base: Extra & { itemId: string },
  stage: string,
  enter: number,
  exit: number,
  onExit: Extra = {},
): StageEventEncoded[] => {
  const { itemId, ...rest } = base
  return [
    ev(itemId, stage, 'enter', enter, rest),
    ev(itemId, stage, 'exit', exit, {
      ...rest,
      ...onExit,
      attributes: { ...rest.attributes, ...onExit.attributes },
    }),
  ]
}

/** A done candidate of a source. */
export const sourceDone = (base: Extra & { itemId: string }, hours: number, doneRule: string) => {
  const { itemId, ...rest } = base
  return ev(itemId, 'done', 'enter', hours, { ...rest, attributes: { ...rest.attributes, doneRule } })
}

/** A 40-digit commit SHA made of one repeated digit. */
export const sha = (digit: string) => digit.repeat(40)

export const MERGE = sha('a')
export const HEAD = sha('b')

/** The Jira ticket: created at 0, In Progress (develop) at 10, Done at 26. */
export const jira = {
  itemId: 'jira:PAY-142',
  source: 'jira',
  links: [{ kind: 'issue' as const, id: 'PAY-142' }],
  attributes: { project: 'PAY', kind: 'feature' },
}

/** Its pull request: coding 12–20, waiting for review 20–22, in review 22–25 (one round of changes requested), merged at 25. */
export const pull = {
  itemId: 'github:acme/api#7',
  source: 'github',
  links: [
    { kind: 'pr' as const, id: 'acme/api#7' },
    { kind: 'issue' as const, id: 'PAY-142' },
    { kind: 'commit' as const, id: HEAD },
    { kind: 'commit' as const, id: MERGE },
  ],
  attributes: { repository: 'acme/api', pr: 7, branch: 'PAY-142-refunds' },
}

/** Its Jenkins build on the merge commit (a bare commit item): 25.5–26, success. */
export const build = {
  itemId: `github:acme/api@${MERGE}`,
  source: 'jenkins',
  links: [{ kind: 'commit' as const, id: MERGE }],
  attributes: { repository: 'acme/api', job: 'api/main', build: 311 },
}

/** Its Argo CD production deployment of the merge commit: 27–28, success, done at 28. */
export const deploy = {
  itemId: `github:acme/api@${MERGE}`,
  source: 'argocd',
  links: [
    { kind: 'commit' as const, id: MERGE },
    { kind: 'environment' as const, id: 'production' },
  ],
  attributes: {
    repository: 'acme/api',
    application: 'argocd/api-prod',
    environment: 'production',
    production: true,
  },
}

/** One ticket, its pull request, the build of its merge commit and the production deployment of it. */
export const ticketToProduction: StageEventEncoded[] = [
  ...sourceStay(jira, 'backlog', 0, 10),
  ...sourceStay(jira, 'develop', 10, 26),
  sourceDone(jira, 26, 'tracker'),
  ...sourceStay(pull, 'develop', 12, 20),
  ...sourceStay(pull, 'review-queue', 20, 22),
  ...sourceStay(pull, 'review', 22, 25, { attributes: { changesRequested: 1 } }),
  sourceDone(pull, 25, 'merge'),
  ...sourceStay(build, 'ci', 25.5, 26, { outcome: 'success' }),
  ...sourceStay(deploy, 'deploy', 27, 28, { outcome: 'success' }),
  sourceDone(deploy, 28, 'production-deploy'),
]
