import { Args, Command } from '@effect/cli'
import {
  type EventStoreShape,
  InvalidEvents,
  type InvalidLine,
  isStageEvent,
  SourceUnreadable,
  type StageEventEncoded,
  type StoreError,
  scanNdjson,
} from '@herbie/core'
import { Console, Effect, Either } from 'effect'
import { openEvents } from '../input/openEvents.js'
import { safeText } from '../output/safeText.js'
import { useStore } from '../store/useStore.js'
import { config, skipInvalid, verbose } from './options.js'
import { storeOption } from './storeOption.js'

const BATCH = 5_000
const PROGRESS_EVERY = 100_000
const MAX_ERRORS = 50

const file = Args.text({ name: 'FILE.ndjson' }).pipe(
  Args.withDescription('NDJSON file of stage events (may be .gz); read as a stream.'),
)

const unreadable = (path: string) => (cause: unknown) =>
  new SourceUnreadable({ source: path, reason: cause instanceof Error ? cause.message : String(cause) })

/** Checks every line of the file (streamed) and gives the count and the first invalid lines. */
const checkFile = (path: string) =>
  Effect.gen(function* () {
    const chunks = yield* openEvents(path)
    const invalid: InvalidLine[] = []
    const summary = yield* Effect.tryPromise({
      try: () =>
        scanNdjson(
          chunks,
          () => undefined,
          (line) => {
            if (invalid.length < MAX_ERRORS) invalid.push(line)
          },
        ),
      catch: unreadable(path),
    })
    return { invalid: summary.invalid, lines: invalid }
  })

/**
 * Streams the file's valid events into the store in batches of 5,000, each stored (one upsert)
 * before the next chunk of the file is read; prints progress every 100,000 events.
 */
const storeFile = (path: string, store: EventStoreShape) =>
  Effect.gen(function* () {
    const chunks = yield* openEvents(path)
    const total = { inserted: 0, alreadyPresent: 0 }
    const full: StageEventEncoded[][] = []
    let batch: StageEventEncoded[] = []
    let failure: StoreError | undefined
    const storeFull = async () => {
      for (const events of full.splice(0)) {
        const done = await Effect.runPromise(Effect.either(store.upsert(events)))
        if (Either.isLeft(done)) {
          failure = done.left
          throw failure
        }
        const before = total.inserted + total.alreadyPresent
        total.inserted += done.right.inserted
        total.alreadyPresent += done.right.alreadyPresent
        const after = total.inserted + total.alreadyPresent
        if (Math.floor(after / PROGRESS_EVERY) > Math.floor(before / PROGRESS_EVERY)) {
          process.stderr.write(`imported ${after} events...\n`)
        }
      }
    }
    async function* paced() {
      for await (const chunk of chunks) {
        yield chunk
        await storeFull()
      }
    }
    yield* Effect.tryPromise({
      try: async () => {
        await scanNdjson(
          paced(),
          (event) => {
            if (!isStageEvent(event)) return undefined
            batch.push(event)
            if (batch.length === BATCH) {
              full.push(batch)
              batch = []
            }
            return undefined
          },
          () => {},
        )
        full.push(batch)
        await storeFull()
      },
      catch: (cause) => (failure !== undefined && cause === failure ? failure : unreadable(path)(cause)),
    })
    return total
  })

/**
 * `herbie import FILE.ndjson`: stores the events of an NDJSON file in the event store, in
 * acknowledged batches (an id already stored is skipped). A file with invalid lines stores
 * nothing and fails naming them by line number, unless `--skip-invalid` imports the valid ones.
 *
 * @since 0.1.0
 * @category commands
 */
export const importCommand = Command.make(
  'import',
  { file, store: storeOption, config, skipInvalid, verbose },
  (options) =>
    Effect.gen(function* () {
      const checked = yield* checkFile(options.file)
      if (checked.invalid > 0 && !options.skipInvalid) {
        return yield* new InvalidEvents({
          source: options.file,
          count: checked.invalid,
          invalid: checked.lines,
          unknownStages: [],
        })
      }
      yield* useStore(
        options,
        (store) =>
          Effect.gen(function* () {
            const total = yield* storeFile(options.file, store)
            const skipped = checked.invalid > 0 ? `, ${checked.invalid} invalid lines skipped` : ''
            yield* Console.error(
              `imported ${safeText(options.file)} into ${safeText(store.location)}: ${total.inserted} events new, ${total.alreadyPresent} already there${skipped}`,
            )
          }),
        { create: true },
      )
    }),
).pipe(
  Command.withDescription(
    'Store the events of an NDJSON file in the event store (ids already there are skipped).',
  ),
)
