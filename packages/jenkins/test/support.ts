import {
  type BackfillSummary,
  decodeConfig,
  FetchTransport,
  memoryCheckpointStore,
  runBackfill,
  type StageEventEncoded,
} from '@herbie/core'
import { Effect, Exit, Layer } from 'effect'
import { type JenkinsConfig, jenkinsAdapter } from '../src/index.js'
import { BASE, TOKEN, USER } from './fakeJenkins.js'

/** The story's options as a user writes them, with `extra` on top. */
export const storyConfig = (extra: Record<string, unknown> = {}): JenkinsConfig =>
  Effect.runSync(decodeConfig(jenkinsAdapter, { baseUrl: BASE, user: USER, token: TOKEN, ...extra }))

/** One backfill into an array; `store` carries checkpoints between syncs. */
export const sync = async (
  config: JenkinsConfig,
  store = memoryCheckpointStore(),
): Promise<{
  readonly exit: Exit.Exit<BackfillSummary, unknown>
  readonly events: StageEventEncoded[]
  readonly summary: BackfillSummary | undefined
}> => {
  const events: StageEventEncoded[] = []
  const exit = await Effect.runPromiseExit(
    runBackfill(jenkinsAdapter, config, (batch) => Effect.sync(() => void events.push(...batch))).pipe(
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
