import { CliConfig, Command, CommandDescriptor, ValidationError } from '@effect/cli'
import { NodeContext } from '@effect/platform-node'
import { InvalidEvents } from '@herbie/core'
import { Cause, Console, Effect, Exit, Option } from 'effect'
import { herbieCommand, herbieSubcommands } from './commands/herbie.js'
import { UsageError } from './errors.js'
import { describeCommand } from './help/CommandInfo.js'
import { useColor } from './help/color.js'
import { docText } from './help/docText.js'
import { EXAMPLES } from './help/examples.js'
import { readInvocation } from './help/readInvocation.js'
import { renderHelp } from './help/renderHelp.js'
import { rejectEmptyValues } from './input/emptyValues.js'
import { safeText } from './output/safeText.js'
import { SourcesFailed } from './sync/SourcesFailed.js'
import { VERSION } from './version.js'

const cli = Command.run(herbieCommand, { name: 'herbie', version: VERSION })
const commands = describeCommand(
  herbieCommand.descriptor,
  herbieSubcommands.map((command) => command.descriptor),
)

const BAD_INPUT = new Set([
  'UsageError',
  'InvalidEvents',
  'NoEvents',
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
  if (ValidationError.isValidationError(error)) return [`error: ${docText(error.error)}`]
  return [`error: ${error instanceof Error ? error.message : String(error)}`]
}

/** Checks the words with the parser itself before running, so that its own output never shows. */
const parseOnly = (args: ReadonlyArray<string>) =>
  CommandDescriptor.parse(herbieCommand.descriptor, ['herbie', ...args], CliConfig.defaultConfig).pipe(
    Effect.mapError((error) => new UsageError({ reason: docText(error.error) })),
    Effect.flatMap((directive) =>
      directive._tag === 'UserDefined' && directive.leftover.length > 0
        ? Effect.fail(new UsageError({ reason: `unexpected argument ${directive.leftover[0]}` }))
        : Effect.void,
    ),
  )

const program = (argv: ReadonlyArray<string>) =>
  Effect.gen(function* () {
    const args = argv.slice(2)
    const invocation = yield* readInvocation(commands, args)
    if (invocation._tag === 'Help') {
      const examples = EXAMPLES[invocation.command.path.join(' ')] ?? []
      const color = useColor(process.stdout, process.env)
      return yield* Console.log(renderHelp(invocation.command, examples, { color }))
    }
    if (invocation._tag === 'Version') return yield* Console.log(VERSION)
    yield* parseOnly(args)
    yield* cli(argv)
  })

/**
 * Runs the `herbie` command line with `argv` (as `process.argv`) and resolves to the exit code:
 * 0 success, 2 bad usage or bad input, 1 anything else. Errors are one clear line on stderr (plus
 * the invalid lines), starting with `error:`; stack traces only with `--verbose`. `--help` shows
 * the help of the command named.
 *
 * @since 0.1.0
 * @category cli
 */
export const runCli = async (argv: ReadonlyArray<string>): Promise<number> => {
  const verbose = argv.includes('--verbose')
  const exit = await Effect.runPromiseExit(
    rejectEmptyValues(argv).pipe(Effect.zipRight(program(argv)), Effect.provide(NodeContext.layer)),
  )
  if (Exit.isSuccess(exit)) return 0
  const failure = Cause.failureOption(exit.cause)
  if (Option.isSome(failure)) {
    const error = failure.value
    for (const line of describeFailure(error)) process.stderr.write(`${safeText(line)}\n`)
    if (verbose && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`)
    return isBadInput(error) || ValidationError.isValidationError(error) ? 2 : 1
  }
  const defect = Cause.squash(exit.cause)
  process.stderr.write(`error: ${safeText(defect instanceof Error ? defect.message : String(defect))}\n`)
  if (verbose) process.stderr.write(`${Cause.pretty(exit.cause)}\n`)
  return 1
}
