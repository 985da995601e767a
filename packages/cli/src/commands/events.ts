import { once } from 'node:events'
import { Command, Options } from '@effect/cli'
import type { EventQuery } from '@herbie/core'
import { Effect, Option, Stream } from 'effect'
import { parseInstant } from '../input/parseInstant.js'
import { useStore } from '../store/useStore.js'
import { config, from, text, to, verbose } from './options.js'
import { storeOption } from './storeOption.js'

const item = text('item', 'ID', 'Only the events of this work item.').pipe(Options.optional)
const stage = text('stage', 'NAME', 'Only the events of this stage.').pipe(Options.optional)
const source = text('source', 'NAME', 'Only the events this source observed (github, jira...).').pipe(
  Options.optional,
)

const instant = (flag: string, value: Option.Option<string>) =>
  Option.match(value, { onNone: () => Effect.succeed(undefined), onSome: (text) => parseInstant(flag, text) })

const write = (text: string) =>
  Effect.promise(async () => {
    if (!process.stdout.write(text)) await once(process.stdout, 'drain')
  })

/**
 * `herbie events`: prints the stored events as NDJSON in time order, filtered by item, stage,
 * source and window (`--from` inclusive, `--to` exclusive), so `herbie import` of its output
 * gives the same store.
 *
 * @since 0.1.0
 * @category commands
 */
export const eventsCommand = Command.make(
  'events',
  { item, stage, source, from, to, store: storeOption, config, verbose },
  (options) =>
    Effect.gen(function* () {
      const fromMs = yield* instant('--from', options.from)
      const toMs = yield* instant('--to', options.to)
      const query: EventQuery = {
        ...(fromMs === undefined ? {} : { from: fromMs }),
        ...(toMs === undefined ? {} : { to: toMs }),
        ...Option.match(options.item, { onNone: () => ({}), onSome: (id) => ({ item: id }) }),
        ...Option.match(options.stage, { onNone: () => ({}), onSome: (name) => ({ stage: name }) }),
        ...Option.match(options.source, { onNone: () => ({}), onSome: (name) => ({ source: name }) }),
      }
      yield* useStore(
        options,
        (store) =>
          store.lines(query).pipe(
            Stream.chunks,
            Stream.runForEach((lines) =>
              lines.length === 0 ? Effect.void : write(`${[...lines].join('\n')}\n`),
            ),
          ),
        { create: false },
      )
    }),
).pipe(
  Command.withDescription(
    'Print the stored events as NDJSON, in time order, filtered by item, stage, source or window.',
  ),
)
