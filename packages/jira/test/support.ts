import {
  type BackfillSummary,
  decodeConfig,
  FetchTransport,
  memoryCheckpointStore,
  runBackfill,
  type StageEventEncoded,
} from '@herbie/core'
import { Effect, Exit, Layer } from 'effect'
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
export const sync = async (
  config: JiraConfig,
  store = memoryCheckpointStore(),
): Promise<{
  readonly exit: Exit.Exit<BackfillSummary, unknown>
  readonly events: StageEventEncoded[]
  readonly summary: BackfillSummary | undefined
}> => {
  const events: StageEventEncoded[] = []
  const exit = await Effect.runPromiseExit(
    runBackfill(jiraAdapter, config, (batch) => Effect.sync(() => void events.push(...batch))).pipe(
      Effect.provide(Layer.merge(store, FetchTransport)),
    ),
  )
  return { exit, events, summary: Exit.isSuccess(exit) ? exit.value : undefined }
}

/** The error a failed sync failed with. */
export const failureOf = (exit: Exit.Exit<unknown, unknown>): unknown => {
  if (Exit.isSuccess(exit) || exit.cause._tag !== 'Fail')
    throw new Error(`expected a failure: ${String(exit)}`)
  return exit.cause.error
}

/** Events as `id stage type at` lines, for exact comparisons that read well. */
export const lines = (events: ReadonlyArray<StageEventEncoded>): string[] =>
  events.map((event) => `${event.id} ${event.stage} ${event.type} ${event.at}`)
