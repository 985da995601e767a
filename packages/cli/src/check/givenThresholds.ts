import { parseThreshold, type ThresholdText } from '@herbie/core'
import { Effect } from 'effect'
import type { HerbieConfig } from '../config/HerbieConfig.js'
import { UsageError } from '../errors.js'

/**
 * The thresholds of one run: `--max` and `--min` when any is given, else the config file's
 * `check` (each named by its field, for messages); none at all is a usage error.
 *
 * @since 0.1.0
 * @category check
 */
export const givenThresholds = (
  max: ReadonlyArray<string>,
  min: ReadonlyArray<string>,
  config: { readonly file: string | undefined; readonly check: HerbieConfig['check'] },
): Effect.Effect<ReadonlyArray<ThresholdText>, UsageError> =>
  Effect.gen(function* () {
    if (max.length > 0 || min.length > 0) {
      const parsed = [
        ...max.map((text) => parseThreshold('max', text)),
        ...min.map((text) => parseThreshold('min', text)),
      ]
      const problems = parsed.flatMap((entry) => ('problem' in entry ? [entry.problem] : []))
      if (problems.length > 0) return yield* new UsageError({ reason: problems.join('; ') })
      return parsed.flatMap((entry) => ('problem' in entry ? [] : [entry]))
    }
    const { file, check } = config
    const fromConfig = (['max', 'min'] as const).flatMap((bound) =>
      Object.entries(check?.[bound] ?? {}).map(
        ([metric, limit]): ThresholdText => ({
          bound,
          metric,
          limit: String(limit),
          source: `${file}: check.${bound}`,
        }),
      ),
    )
    if (fromConfig.length === 0) {
      return yield* new UsageError({
        reason:
          'no threshold to check: give --max METRIC=LIMIT or --min METRIC=LIMIT, or a "check" section in herbie.config.json',
      })
    }
    return fromConfig
  })
