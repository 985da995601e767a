import { type AnalysisSettings, type CorrelationRule, defaultCorrelation } from '@herbie/core'
import { Effect, Option } from 'effect'
import type { UsageError } from '../errors.js'
import { parseRules } from '../input/parseRules.js'
import type { ConfigFileInvalid } from './ConfigFileInvalid.js'
import type { HerbieConfig } from './HerbieConfig.js'
import { configHere, findConfig, readConfig } from './loadConfig.js'

/**
 * Where a command that builds the report takes its analysis settings from: `--config FILE`
 * (else the config file in the current folder, if any) and `--correlate RULES`.
 *
 * @since 0.1.0
 * @category config
 */
export interface SettingsInput {
  readonly config: Option.Option<string>
  readonly correlate: Option.Option<string>
}

/**
 * The analysis part of the config file given with `--config`, or of the one in `cwd` when there
 * is one (nothing when there is none), and that file's path.
 *
 * @since 0.1.0
 * @category config
 */
export const analysisConfig = (
  input: Pick<SettingsInput, 'config'>,
  cwd: string = process.cwd(),
): Effect.Effect<
  {
    readonly file: string | undefined
    readonly config: Pick<HerbieConfig, 'correlation' | 'upstream' | 'check'>
  },
  ConfigFileInvalid
> =>
  Effect.gen(function* () {
    const file = Option.isSome(input.config) ? yield* findConfig(input.config.value, cwd) : configHere(cwd)
    return { file, config: file === undefined ? {} : yield* readConfig(file) }
  })

/**
 * The analysis settings of a loaded config's `correlation` and `upstream` (the defaults where it
 * has none), with `--correlate` replacing the rules.
 *
 * @since 0.1.0
 * @category config
 */
export const settingsOf = (
  config: Pick<HerbieConfig, 'correlation' | 'upstream'>,
  correlate: SettingsInput['correlate'],
): Effect.Effect<AnalysisSettings, UsageError> =>
  Effect.gen(function* () {
    const rules: ReadonlyArray<CorrelationRule> | undefined = Option.isSome(correlate)
      ? yield* parseRules('--correlate', correlate.value)
      : undefined
    const correlation =
      rules === undefined ? config.correlation : { ...(config.correlation ?? defaultCorrelation), rules }
    return {
      ...(correlation === undefined ? {} : { correlation }),
      ...(config.upstream === undefined ? {} : { upstream: config.upstream }),
    }
  })

/**
 * The `correlation` and `upstream` of the config file given with `--config`, or of the one in
 * `cwd` when there is one (the defaults when there is none), with `--correlate` replacing the
 * rules. The sources are not read: their `{ "env": "NAME" }` references need not be set.
 *
 * @since 0.1.0
 * @category config
 */
export const analysisSettings = (
  input: SettingsInput,
  cwd: string = process.cwd(),
): Effect.Effect<AnalysisSettings, ConfigFileInvalid | UsageError> =>
  analysisConfig(input, cwd).pipe(Effect.flatMap(({ config }) => settingsOf(config, input.correlate)))
