import { CliConfig, Primitive } from '@effect/cli'
import type { FileSystem } from '@effect/platform'
import { Effect, Either, Option } from 'effect'
import { UsageError } from '../errors.js'
import { BUILT_IN_OPTIONS, type CommandInfo, type OptionInfo } from './CommandInfo.js'
import { didYouMean } from './suggest.js'

/**
 * What a command line asks for: the help of a command, the version, or to run a command (its
 * arguments checked).
 *
 * @since 0.1.0
 * @category help
 */
export type Invocation =
  | { readonly _tag: 'Help'; readonly command: CommandInfo }
  | { readonly _tag: 'Version' }
  | { readonly _tag: 'Run'; readonly command: CommandInfo }

const HELP = new Set(['--help', '-h'])
/** Built-in options that take a value. */
const BUILT_IN_WITH_VALUE = new Set(['--completions', '--log-level'])

const nameOf = (command: CommandInfo) => ['herbie', ...command.path].join(' ')
const childName = (command: CommandInfo) => command.path.at(-1) ?? ''

const accepts = (primitive: Primitive.Primitive<unknown>, value: string) =>
  Primitive.validate(primitive, Option.some(value), CliConfig.defaultConfig).pipe(
    Effect.either,
    Effect.map(Either.isRight),
  )

const fail = (reason: string) => Effect.fail(new UsageError({ reason }))

/** The words of each command level, split as the parser splits them: at the first word naming a subcommand. */
const levelsOf = (root: CommandInfo, args: ReadonlyArray<string>) => {
  const levels: Array<{ readonly command: CommandInfo; readonly args: ReadonlyArray<string> }> = []
  let command = root
  let rest = args
  for (;;) {
    const at = rest.findIndex((arg) => command.subcommands.some((child) => childName(child) === arg))
    if (at === -1) {
      levels.push({ command, args: rest })
      return levels
    }
    levels.push({ command, args: rest.slice(0, at) })
    command = command.subcommands.find((child) => childName(child) === rest[at])!
    rest = rest.slice(at + 1)
  }
}

const unknownWord = (command: CommandInfo, word: string) => {
  if (command.subcommands.length === 0)
    return fail(`unexpected argument ${word} for ${nameOf(command)} (its options start with --)`)
  const names = command.subcommands.map(childName)
  const hint = didYouMean(word, names)
  const of = command.path.length === 0 ? '' : ` for ${nameOf(command)}`
  return fail(`unknown command ${word}${of}${hint === '' ? ` (the commands are ${names.join(', ')})` : hint}`)
}

/**
 * Reads one level's words against its options, as the parser will read them, up to the word
 * that names a subcommand; returns that word's index (or the end) and the options seen.
 */
const readLevel = (command: CommandInfo, args: ReadonlyArray<string>, from: number) =>
  Effect.gen(function* () {
    const seen = new Set<OptionInfo>()
    let positional = 0
    const names = command.options.flatMap((option) => [option.name, ...option.aliases])
    const isChild = (word: string) => command.subcommands.some((child) => childName(child) === word)
    for (let i = from; i < args.length; i++) {
      const word = args[i]!
      if (word === '--') {
        const next = args[i + 1]
        if (next !== undefined) return yield* unknownWord(command, next)
        return { end: args.length, seen }
      }
      if (!word.startsWith('-') || word === '-') {
        if (isChild(word)) return { end: i, seen }
        if (positional < command.args.length) {
          positional++
          continue
        }
        return yield* unknownWord(command, word)
      }
      const equals = word.startsWith('--') ? word.indexOf('=') : -1
      const name = equals === -1 ? word : word.slice(0, equals)
      const inline = equals === -1 ? undefined : word.slice(equals + 1)
      if (BUILT_IN_OPTIONS.has(name)) {
        if (BUILT_IN_WITH_VALUE.has(name) && inline === undefined) i++
        continue
      }
      const option = command.options.find(
        (candidate) => candidate.name === name || candidate.aliases.includes(name),
      )
      if (option === undefined) {
        const hint = didYouMean(name, names)
        return yield* fail(
          `unknown option ${name}${hint === '' ? ` for ${nameOf(command)} (see ${nameOf(command)} --help)` : hint}`,
        )
      }
      if (seen.has(option) && !option.repeated) return yield* fail(`${option.name} is given more than once`)
      seen.add(option)
      if (option.kind === 'flag') {
        const value = inline ?? args[i + 1]
        const isBoolean = value !== undefined && (yield* accepts(Primitive.boolean(Option.none()), value))
        if (inline !== undefined && !isBoolean)
          return yield* fail(`${option.name} takes no value (got ${JSON.stringify(inline)})`)
        if (inline === undefined && isBoolean) i++
        continue
      }
      const values: string[] = inline === undefined ? [] : [inline]
      if (option.kind === 'pairs') {
        // The first word after the option is its value; more KEY=VALUE words may follow.
        while (
          args[i + 1] !== undefined &&
          !args[i + 1]!.startsWith('-') &&
          (values.length === 0 || args[i + 1]!.includes('='))
        )
          values.push(args[++i]!)
        const bad = values.find((value) => !value.includes('='))
        if (bad !== undefined)
          return yield* fail(`${option.name} takes ${option.placeholder} (got ${JSON.stringify(bad)})`)
      } else if (inline === undefined && args[i + 1] !== undefined && !args[i + 1]!.startsWith('--')) {
        values.push(args[++i]!)
        // The parser splits the words at the first one that names a subcommand, value or not.
        if (isChild(values[0]!))
          return yield* fail(
            `${option.name} ${values[0]}: here ${values[0]} is read as the command ${nameOf(command)} ${values[0]}; use another value`,
          )
      }
      if (values.length === 0)
        return yield* fail(`${option.name} needs a value: ${option.name} ${option.placeholder}`)
      const value = values[0]!
      if (option.kind === 'integer' && !(yield* accepts(Primitive.integer, value)))
        return yield* fail(`${option.name} takes a whole number (got ${JSON.stringify(value)})`)
      if (option.kind === 'choice' && !option.choices.includes(value)) {
        const hint = didYouMean(value, option.choices)
        return yield* fail(
          `${option.name} must be one of ${option.choices.join(', ')} (got ${JSON.stringify(value)})${hint}`,
        )
      }
    }
    return { end: args.length, seen }
  })

/**
 * Reads a command line (the words after `herbie`) against the commands' definitions: which
 * command it names, whether it asks for help or the version, and, to run it, that every word is
 * right, failing with one {@link UsageError} that says what is wrong and, where a word is close to
 * a known one, what was meant (`unknown option --evnts (did you mean --events?)`).
 *
 * @since 0.1.0
 * @category help
 */
export const readInvocation = (
  root: CommandInfo,
  args: ReadonlyArray<string>,
): Effect.Effect<Invocation, UsageError, FileSystem.FileSystem> =>
  Effect.gen(function* () {
    const end = args.indexOf('--')
    const flags = end === -1 ? args : args.slice(0, end)
    const levels = levelsOf(root, args)
    const target = levels.at(-1)!.command
    if (args.length === 0 || flags.some((arg) => HELP.has(arg))) {
      // Help is for the command named; a word that names none is still an error.
      for (const { command, args: words } of levels) {
        const first = words[0]
        if (first !== undefined && !first.startsWith('-') && command.subcommands.length > 0)
          return yield* unknownWord(command, first)
      }
      return { _tag: 'Help', command: target } as const
    }
    if (flags.includes('--version')) return { _tag: 'Version' } as const
    let command = root
    for (let from = 0; ; ) {
      const { end, seen } = yield* readLevel(command, args, from)
      if (end < args.length) {
        command = command.subcommands.find((child) => childName(child) === args[end])!
        from = end + 1
        continue
      }
      const missing = command.options.find((option) => option.required && !seen.has(option))
      if (missing !== undefined)
        return yield* fail(`missing option ${missing.name} ${missing.placeholder}`.trimEnd())
      return { _tag: 'Run', command } as const
    }
  })
