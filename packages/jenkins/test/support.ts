import { decodeConfig, type StageEventEncoded } from '@herbie/core'
import { type BackfillRun, backfillOnce } from '@herbie/testkit'
import { Effect } from 'effect'
import { type JenkinsConfig, jenkinsAdapter } from '../src/index.js'
import { BASE, TOKEN, USER } from './fakeJenkins.js'

/** The story's options as a user writes them, with `extra` on top. */
export const storyConfig = (extra: Record<string, unknown> = {}): JenkinsConfig =>
  Effect.runSync(decodeConfig(jenkinsAdapter, { baseUrl: BASE, user: USER, token: TOKEN, ...extra }))

/** One backfill into an array; `store` carries checkpoints between syncs. */
export const sync = (
  config: JenkinsConfig,
  store?: Parameters<typeof backfillOnce>[2],
): Promise<BackfillRun> => backfillOnce(jenkinsAdapter, config, store)
