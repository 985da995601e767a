import {
  type Adapter,
  analyzeEventLog,
  decodeConfig,
  defaultValueStream,
  FetchTransport,
  indexStream,
  makeEventLog,
  memoryCheckpointStore,
  runBackfill,
  type StageEventEncoded,
  summarizeInput,
  validateEvent,
} from '@herbie/core'
import { Effect, Layer } from 'effect'
import { HttpResponse, http } from 'msw'
import { answer, type FakeProject } from './fakeGitlab.js'

export const BASE = 'https://gitlab.example.com'
export const API = `${BASE}/api/v4`
export const TOKEN = 'glpat-test0000000000000000'

/** msw handlers answering every API request as GitLab would, from the fake projects. */
export const projectHandlers = (
  projects: ReadonlyArray<FakeProject>,
  groups: Record<string, ReadonlyArray<number>> = {},
) => [
  http.get(`${API}/*`, ({ request }) => {
    const { status, body, headers } = answer(projects, new URL(request.url), groups)
    return HttpResponse.json(body as object, { status, ...(headers === undefined ? {} : { headers }) })
  }),
]

/** Runs a backfill into an array, with a fresh in-memory checkpoint store unless one is given. */
export const sync = <C, CI, K, KI>(
  adapter: Adapter<C, CI, K, KI>,
  raw: unknown,
  store = memoryCheckpointStore(),
) =>
  Effect.gen(function* () {
    const config = yield* decodeConfig(adapter, raw)
    const events: StageEventEncoded[] = []
    const summary = yield* runBackfill(adapter, config, (batch) =>
      Effect.sync(() => void events.push(...batch)),
    )
    return { events, summary }
  }).pipe(Effect.provide(Layer.merge(store, FetchTransport)))

/** An item's events as `KEY:TYPE STAGE AT [OUTCOME]` lines, in time order (at one instant, exits before enters). */
export const lifeOf = (events: ReadonlyArray<StageEventEncoded>, itemId: string, stage?: string) =>
  events
    .filter((event) => event.itemId === itemId && (stage === undefined || event.stage === stage))
    .sort(
      (a, b) =>
        Date.parse(a.at) - Date.parse(b.at) || Number(a.type === 'enter') - Number(b.type === 'enter'),
    )
    .map(
      (event) =>
        `${event.id.slice(itemId.length + 1)} ${event.stage} ${event.at}${event.outcome === undefined ? '' : ` ${event.outcome}`}`,
    )

/** Analyses events over the default value stream, the window their whole span. */
export const analyzeEvents = (events: ReadonlyArray<StageEventEncoded>) => {
  const log = makeEventLog(indexStream(defaultValueStream))
  for (const event of events) {
    const at = validateEvent(event)
    if (typeof at === 'number') log.add(event, at)
  }
  const built = log.build()
  return analyzeEventLog(
    built.items,
    { from: built.firstAt, to: built.lastAt },
    defaultValueStream,
    summarizeInput(built, events.length, 0),
  )
}
