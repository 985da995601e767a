import { Command, Options } from '@effect/cli'
import { whatIfNdjson } from '@herbie/core'
import { Console, Effect, Option } from 'effect'
import { UsageError } from '../errors.js'
import { loadStream } from '../input/loadStream.js'
import { printWarnings } from '../output/warnings.js'
import { renderWhatIf } from '../render/whatIf.js'
import { parallelReplicate } from '../simulate/parallelReplicate.js'
import type { Progress } from '../simulate/progress.js'
import { simulationProgress } from '../simulate/simulationProgress.js'
import { withEvents } from '../store/withEvents.js'
import { defaultTo, integer, json, seed, skipInvalid, stream, text, verbose } from './options.js'
import { eventsOrStore, storeOption } from './storeOption.js'

const scenario = text(
  'scenario',
  'CHANGES',
  'A scenario: changes separated by ";", each speedup STAGE=FACTOR, capacity STAGE=+N or STAGE=N, wip-limit STAGE=N, arrivals FACTOR. Repeat for more.',
).pipe(Options.repeated)
const replications = integer('replications', 'N', 'Independent runs per scenario.').pipe(defaultTo(20))
const horizon = integer(
  'horizon',
  'DAYS',
  'Days each run lasts (default: the observed window, at least 30).',
).pipe(Options.optional)
const warmup = integer(
  'warmup',
  'DAYS',
  'Days left out at the start of each run (default: a fifth of the horizon, at most 14).',
).pipe(Options.optional)
const workers = integer(
  'workers',
  'N',
  'Run replications on N worker threads; results do not depend on N.',
).pipe(defaultTo(1))

/**
 * `herbie simulate`: fits a simulation model to a file of stage events (the event store without
 * `--events`) and predicts what each
 * scenario would do, beside the baseline, with 90% intervals from independent replications.
 *
 * @since 0.1.0
 * @category commands
 */
export const simulateCommand = Command.make(
  'simulate',
  {
    events: eventsOrStore,
    store: storeOption,
    stream,
    skipInvalid,
    scenario,
    replications,
    horizon,
    warmup,
    seed,
    workers,
    json,
    verbose,
  },
  (options) =>
    Effect.gen(function* () {
      if (options.replications < 2) {
        return yield* new UsageError({
          reason: `--replications must be at least 2 (got ${options.replications})`,
        })
      }
      if (options.workers < 1) {
        return yield* new UsageError({ reason: `--workers must be at least 1 (got ${options.workers})` })
      }
      const horizonDays = Option.getOrUndefined(options.horizon)
      const warmupDays = Option.getOrUndefined(options.warmup)
      if (horizonDays !== undefined && horizonDays < 1)
        return yield* new UsageError({ reason: `--horizon must be at least 1 day (got ${horizonDays})` })
      if (
        warmupDays !== undefined &&
        (warmupDays < 0 || warmupDays >= (horizonDays ?? Number.POSITIVE_INFINITY))
      )
        return yield* new UsageError({
          reason: `--warmup must be at least 0 and shorter than the horizon (got ${warmupDays})`,
        })
      const valueStream = Option.isSome(options.stream) ? yield* loadStream(options.stream.value) : undefined
      let progress: Progress | undefined
      const result = yield* withEvents({ ...options, config: Option.none() }, (chunks, sourceName) =>
        whatIfNdjson(chunks, {
          sourceName,
          skipInvalid: options.skipInvalid,
          scenarios: options.scenario,
          replications: options.replications,
          seed: options.seed,
          replicateWith: parallelReplicate(options.workers, () => progress?.runDone()),
          planned: (total) => {
            progress = simulationProgress(total)
          },
          ...(valueStream === undefined ? {} : { stream: valueStream }),
          ...(horizonDays === undefined ? {} : { horizonDays }),
          ...(warmupDays === undefined ? {} : { warmupDays }),
        }),
      )
      yield* printWarnings(result.warnings)
      yield* Console.log(options.json ? JSON.stringify(result, null, 2) : renderWhatIf(result))
    }),
).pipe(
  Command.withDescription(
    'What if a stage were faster, had more capacity, a WIP limit, or more work came in? A simulation fitted to your events.',
  ),
)
