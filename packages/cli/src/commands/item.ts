import { Args, Command } from '@effect/cli'
import { parseTimestamp, type StageEventEncoded } from '@herbie/core'
import { Chunk, Console, Effect, Stream } from 'effect'
import { analysisSettings } from '../config/analysisSettings.js'
import { UsageError } from '../errors.js'
import { escapeControl } from '../output/escape.js'
import { formatInstant } from '../render/instant.js'
import { renderItem } from '../render/report.js'
import { renderTable } from '../render/table.js'
import { storeChunks } from '../store/storeChunks.js'
import { useStore } from '../store/useStore.js'
import { explainFrom } from './analyze.js'
import { config, correlate, json, stream, verbose } from './options.js'
import { storeOption } from './storeOption.js'

const id = Args.text({ name: 'ID' }).pipe(
  Args.withDescription("The work item: its id, or any joined member's (a pull request of a Jira issue)."),
)

const byTime = (a: StageEventEncoded, b: StageEventEncoded): number =>
  (parseTimestamp(a.at) ?? 0) - (parseTimestamp(b.at) ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

const eventsTable = (events: ReadonlyArray<StageEventEncoded>): string =>
  renderTable([
    ['at', 'source', 'item', 'stage', 'type', 'id'],
    ...events.map((event) => [
      formatInstant(event.at),
      escapeControl(event.source),
      escapeControl(event.itemId),
      escapeControl(event.stage),
      event.outcome === undefined ? event.type : `${event.type} (${event.outcome})`,
      escapeControl(event.id),
    ]),
  ])

/**
 * `herbie item ID`: one work item from the event store: the items joined into it across sources
 * and the rule that joined each, its stays, and every stored event behind them in time order,
 * so each number of a report can be traced to its events.
 *
 * @since 0.1.0
 * @category commands
 */
export const itemCommand = Command.make(
  'item',
  { id, stream, json, store: storeOption, config, correlate, verbose },
  (options) =>
    Effect.gen(function* () {
      const settings = yield* analysisSettings(options)
      yield* useStore(
        options,
        (store) =>
          Effect.gen(function* () {
            const explained = yield* explainFrom({
              chunks: storeChunks(store),
              sourceName: store.location,
              stream: options.stream,
              skipInvalid: false,
              id: options.id,
              settings,
            })
            if (explained === undefined) {
              return yield* new UsageError({
                reason: `no work item ${JSON.stringify(options.id)} in the event store ${store.location}`,
              })
            }
            const events = (yield* Effect.forEach(explained.members, (member) =>
              Stream.runCollect(store.read({ item: member.itemId })).pipe(Effect.map(Chunk.toArray)),
            ))
              .flat()
              .sort(byTime)
            yield* Console.log(
              options.json
                ? JSON.stringify({ ...explained, events }, null, 2)
                : `${renderItem(explained)}\n\n${eventsTable(events)}`,
            )
          }),
        { create: false },
      )
    }),
).pipe(
  Command.withDescription(
    'One work item from the event store: the items joined into it across sources, its stays and every event behind them.',
  ),
)
