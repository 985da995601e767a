import { Command, Options } from '@effect/cli'
import { checkThresholds } from '@herbie/core'
import { Console, Effect } from 'effect'
import { givenThresholds } from '../check/givenThresholds.js'
import { ThresholdsBroken } from '../check/ThresholdsBroken.js'
import { analysisConfig, settingsOf } from '../config/analysisSettings.js'
import { UsageError } from '../errors.js'
import { checkVerdict, renderCheck, renderCheckMarkdown } from '../render/check.js'
import { config, correlate, events, from, skipInvalid, stream, text, to, verbose } from './options.js'
import { runAnalysis } from './runAnalysis.js'

const max = text(
  'max',
  'METRIC=LIMIT',
  'A highest allowed value: lead-time.p85=5d, wip.review=8, queue-growth.review=0.5/d, failure-demand=0.3. Repeat for more.',
).pipe(Options.repeated)
const min = text(
  'min',
  'METRIC=LIMIT',
  'A lowest allowed value: flow-efficiency=0.2, throughput=5/d. Repeat for more.',
).pipe(Options.repeated)
const format = Options.choice('format', ['text', 'md', 'json']).pipe(
  Options.withDescription('text for a terminal, md for a CI job summary or a comment, json for a script.'),
  Options.withDefault('text' as const),
)

/**
 * `herbie check`: a CI gate over the analysis. Holds the report of a file of stage events to
 * `--max` and `--min` thresholds (or the config's `check`), prints each threshold, the value
 * measured and by how much it broke, and exits 0 when all hold, 1 when any broke, 2 on usage or
 * input errors.
 *
 * @since 0.1.0
 * @category commands
 */
export const checkCommand = Command.make(
  'check',
  { events, stream, from, to, skipInvalid, max, min, format, config, correlate, verbose },
  (options) =>
    Effect.gen(function* () {
      // The config is read once: for the thresholds and for the analysis settings.
      const { file, config: loaded } = yield* analysisConfig(options)
      const thresholds = yield* givenThresholds(options.max, options.min, { file, check: loaded.check })
      const settings = yield* settingsOf(loaded, options.correlate)
      const report = yield* runAnalysis({ ...options, settings })
      const checked = checkThresholds(report, thresholds)
      if ('problems' in checked) return yield* new UsageError({ reason: checked.problems.join('; ') })
      const { results } = checked
      const ok = results.every((result) => !result.breached)
      yield* Console.log(
        options.format === 'json'
          ? JSON.stringify({ ok, results }, null, 2)
          : options.format === 'md'
            ? renderCheckMarkdown(results)
            : renderCheck(results),
      )
      if (!ok) return yield* new ThresholdsBroken({ verdict: checkVerdict(results) })
    }),
).pipe(
  Command.withDescription(
    'A CI gate: exit 1 when the analysis breaks a threshold (lead time, WIP, flow efficiency...).',
  ),
)
