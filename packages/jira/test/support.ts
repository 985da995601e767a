import { decodeConfig, type StageEventEncoded } from '@herbie/core'
import { type BackfillRun, backfillOnce } from '@herbie/testkit'
import { Effect } from 'effect'
import { type JiraConfig, jiraAdapter } from '../src/index.js'
import { CLOUD, DC, EMAIL, PAT, TOKEN } from './fakeJira.js'

/** The story's Cloud options as a user writes them, with `extra` on top. */
export const cloudConfig = (extra: Record<string, unknown> = {}): JiraConfig =>
  Effect.runSync(
    decodeConfig(jiraAdapter, { baseUrl: CLOUD, email: EMAIL, token: TOKEN, jql: 'project = PAY', ...extra }),
  )

/** The story's Data Center options, with `extra` on top. */
export const dcConfig = (extra: Record<string, unknown> = {}): JiraConfig =>
  Effect.runSync(decodeConfig(jiraAdapter, { baseUrl: DC, token: PAT, jql: 'project = PAY', ...extra }))

/** One backfill into an array; `store` carries checkpoints between syncs. */
export const sync = (config: JiraConfig, store?: Parameters<typeof backfillOnce>[2]): Promise<BackfillRun> =>
  backfillOnce(jiraAdapter, config, store)

/** Events as `id stage type at` lines, for exact comparisons that read well. */
export const lines = (events: ReadonlyArray<StageEventEncoded>): string[] =>
  events.map((event) => `${event.id} ${event.stage} ${event.type} ${event.at}`)
