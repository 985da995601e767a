import { Command, ValidationError } from '@effect/cli'
import { NodeContext } from '@effect/platform-node'
import { InvalidEvents } from '@herbie/core'
import { Cause, Effect, Exit, Option } from 'effect'
import { analyzeCommand } from './commands/analyze.js'
import { demoCommand } from './commands/demo.js'
import { exportCommand } from './commands/export.js'
import { forecastCommand } from './commands/forecast.js'
import { simulateCommand } from './commands/simulate.js'
import { syncCommand } from './commands/sync.js'
import { rejectEmptyValues } from './input/emptyValues.js'
import { safeText } from './output/safeText.js'
import { SourcesFailed } from './sync/SourcesFailed.js'
import { VERSION } from './version.js'

const herbie = Command.make('herbie').pipe(
  Command.withDescription('Find the constraint of your software delivery value stream.'),
  Command.withSubcommands([
    analyzeCommand,
    demoCommand,
    exportCommand,
    forecastCommand,
    simulateCommand,
    syncCommand,
  ]),
)

const cli = Command.run(herbie, { name: 'herbie', version: VERSION })

const BAD_INPUT = new Set([
  'UsageError',
  'InvalidEvents',
  'SourceUnreadable',
  'InvalidWindow',
  'ForecastImpossible',
  'ScenarioInvalid',
  'ConfigInvalid',
  'ConfigFileInvalid',
])

const isBadInput = (error: unknown): boolean => {
  if (error instanceof SourcesFailed) return error.badInput
  return typeof error === 'object' && error !== null && '_tag' in error && BAD_INPUT.has(String(error._tag))
}

const describeFailure = (error: unknown): string[] => {
  if (error instanceof InvalidEvents) {
    const lines = error.invalid.map(
      (line) => `  line ${line.line}: ${line.field === '' ? '' : `${line.field}: `}${line.reason}`,
    )
    const more =
      error.count > error.invalid.length ? [`  ... and ${error.count - error.invalid.length} more`] : []
    return [`error: ${error.message} (use --skip-invalid to analyse the valid lines)`, ...lines, ...more]
  }
  return [`error: ${error instanceof Error ? error.message : String(error)}`]
}

/**
 * Runs the `herbie` command line with `argv` (as `process.argv`) and resolves to the exit code:
 * 0 success, 2 bad usage or bad input, 1 anything else. Errors are one clear line on stderr (plus
 * the invalid lines); stack traces only with `--verbose`.
 *
 * @since 0.1.0
 * @category cli
 */
export const runCli = async (argv: ReadonlyArray<string>): Promise<number> => {
  const verbose = argv.includes('--verbose')
  const exit = await Effect.runPromiseExit(
    rejectEmptyValues(argv).pipe(Effect.zipRight(cli(argv)), Effect.provide(NodeContext.layer)),
  )
  if (Exit.isSuccess(exit)) return 0
  const failure = Cause.failureOption(exit.cause)
  if (Option.isSome(failure)) {
    const error = failure.value
    if (ValidationError.isValidationError(error)) return 2
    for (const line of describeFailure(error)) process.stderr.write(`${safeText(line)}\n`)
    if (verbose && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`)
    return isBadInput(error) ? 2 : 1
  }
  const defect = Cause.squash(exit.cause)
  process.stderr.write(`error: ${safeText(defect instanceof Error ? defect.message : String(defect))}\n`)
  if (verbose) process.stderr.write(`${Cause.pretty(exit.cause)}\n`)
  return 1
}
