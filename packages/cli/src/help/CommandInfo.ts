import { CliConfig, CommandDescriptor, type HelpDoc, Primitive, type Usage } from '@effect/cli'
import { HashMap, Option } from 'effect'
import { spanText } from './docText.js'

/**
 * One option of a command, as the help shows it and the argument check reads it.
 *
 * @since 0.1.0
 * @category help
 */
export interface OptionInfo {
  /** The long name, `--events`. */
  readonly name: string
  /** Other names of the same option. */
  readonly aliases: ReadonlyArray<string>
  /** `flag` takes no value; `pairs` takes KEY=VALUE values. */
  readonly kind: 'flag' | 'text' | 'integer' | 'choice' | 'pairs'
  /** What the value looks like in the usage line (`FILE.ndjson`); empty for a flag. */
  readonly placeholder: string
  /** The values a `choice` accepts. */
  readonly choices: ReadonlyArray<string>
  /** Must be given (at least once, when repeated). */
  readonly required: boolean
  /** May be given more than once. */
  readonly repeated: boolean
  readonly description: string
  /** The value used when the option is absent, when there is one to show. */
  readonly defaultValue: string | undefined
}

/**
 * A command of `herbie` with its options and subcommands, read from its `@effect/cli`
 * definition: the one source of the help text and of the argument check.
 *
 * @since 0.1.0
 * @category help
 */
export interface CommandInfo {
  /** The words after `herbie`: `[]` for herbie itself, `['sync', 'github']`. */
  readonly path: ReadonlyArray<string>
  readonly description: string
  readonly options: ReadonlyArray<OptionInfo>
  /** The placeholders of its positional arguments, in order (`FILE.ndjson` of `herbie import`). */
  readonly args: ReadonlyArray<string>
  readonly subcommands: ReadonlyArray<CommandInfo>
}

/**
 * The options `@effect/cli` gives every command (help, version, completions, log level, wizard).
 *
 * @since 0.1.0
 * @category help
 */
export const BUILT_IN_OPTIONS: ReadonlySet<string> = new Set([
  '--help',
  '-h',
  '--version',
  '--wizard',
  '--completions',
  '--log-level',
])

interface UsageEntry {
  readonly names: ReadonlyArray<string>
  readonly accepted: string | undefined
  readonly optional: boolean
  readonly repeated: boolean
}

const usageEntries = (usage: Usage.Usage): UsageEntry[] => {
  const entries: UsageEntry[] = []
  const walk = (node: Usage.Usage, optional: boolean, repeated: boolean): void => {
    switch (node._tag) {
      case 'Empty':
      case 'Mixed':
        return
      case 'Named':
        entries.push({
          names: node.names,
          accepted: Option.getOrUndefined(node.acceptedValues),
          optional,
          repeated,
        })
        return
      case 'Optional':
        walk(node.usage, true, repeated)
        return
      case 'Repeated':
        walk(node.usage, optional, true)
        return
      case 'Alternation':
        walk(node.left, true, repeated)
        walk(node.right, true, repeated)
        return
      case 'Concat':
        walk(node.left, optional, repeated)
        walk(node.right, optional, repeated)
    }
  }
  walk(usage, false, false)
  return entries
}

interface HelpEntry {
  readonly names: ReadonlyArray<string>
  readonly paragraphs: ReadonlyArray<string>
}

/** The description paragraphs and the option entries of a command's help document. */
const helpSections = (doc: HelpDoc.HelpDoc) => {
  const description: string[] = []
  const options: HelpEntry[] = []
  let section = ''
  const paragraphsOf = (node: HelpDoc.HelpDoc, into: string[]): void => {
    if (node._tag === 'Paragraph') into.push(spanText(node.value).trim())
    else if (node._tag === 'Sequence') {
      paragraphsOf(node.left, into)
      paragraphsOf(node.right, into)
    }
    // Enumerations only spell out how to write a KEY=VALUE option: nothing to keep.
  }
  const walk = (node: HelpDoc.HelpDoc): void => {
    switch (node._tag) {
      case 'Header':
        section = spanText(node.value)
        return
      case 'Paragraph':
        if (section === 'DESCRIPTION') description.push(spanText(node.value).trim())
        return
      case 'DescriptionList':
        if (section !== 'OPTIONS') return
        for (const [span, body] of node.definitions) {
          const paragraphs: string[] = []
          paragraphsOf(body, paragraphs)
          options.push({ names: spanText(span).match(/--?[A-Za-z][\w-]*/g) ?? [], paragraphs })
        }
        return
      case 'Sequence':
        walk(node.left)
        walk(node.right)
        return
      default:
        return
    }
  }
  walk(doc)
  return { description: description.filter((line) => line !== '').join(' '), options }
}

const primitiveHelp = (primitive: Primitive.Primitive<unknown>) => spanText(Primitive.getHelp(primitive))
const FLAG_HELP = primitiveHelp(Primitive.boolean(Option.none()))
const INTEGER_HELP = primitiveHelp(Primitive.integer)
const CHOICE_HELP = primitiveHelp(Primitive.choice([['x', 'x']])).replace(/x$/, '')

// How `defaultTo` (commands/options.ts) states a default.
const DEFAULT = /^Default: (.*)\.$/
// What @effect/cli adds to every option's help on its own: the help shows it in its own way
// (brackets, "...", a default) instead of in words.
const OPTIONAL = /^This setting is optional\.(?: Defaults to: (.*))?$/
const REPEATED = /^This option (?:may|must) be repeated/
const AT_LEAST = /at least (\d+) times/
const PAIRS = /^This setting is a property argument which:$/
const FALLBACK = /^(?:This option can be set from environment variables\.|Will prompt the user for input)/

const optionInfo = (usage: UsageEntry, help: HelpEntry | undefined): OptionInfo => {
  const [primitive = '', ...rest] = help?.paragraphs ?? []
  let defaultValue: string | undefined
  let minimum = 0
  let pairs = false
  const description: string[] = []
  for (const paragraph of rest) {
    const stated = DEFAULT.exec(paragraph) ?? OPTIONAL.exec(paragraph)
    if (stated !== null) defaultValue ??= stated[1]
    else if (REPEATED.test(paragraph)) minimum = Number(AT_LEAST.exec(paragraph)?.[1] ?? 0)
    else if (PAIRS.test(paragraph)) pairs = true
    else if (!FALLBACK.test(paragraph) && paragraph !== '') description.push(paragraph)
  }
  const kind: OptionInfo['kind'] = pairs
    ? 'pairs'
    : primitive === FLAG_HELP
      ? 'flag'
      : primitive === INTEGER_HELP
        ? 'integer'
        : primitive.startsWith(CHOICE_HELP)
          ? 'choice'
          : 'text'
  const choices = kind === 'choice' ? (usage.accepted ?? '').split(' | ') : []
  const [name = '', ...aliases] = [...usage.names].sort((a, b) => b.length - a.length)
  return {
    name,
    aliases,
    kind,
    placeholder: kind === 'flag' ? '' : kind === 'choice' ? choices.join('|') : (usage.accepted ?? 'VALUE'),
    choices,
    required: usage.repeated ? minimum > 0 : !usage.optional,
    repeated: usage.repeated,
    description: description.join(' '),
    defaultValue: kind === 'flag' ? undefined : defaultValue,
  }
}

const describeDescriptor = (
  descriptor: CommandDescriptor.Command<unknown>,
  path: ReadonlyArray<string>,
  subcommands: ReadonlyArray<CommandInfo>,
): CommandInfo => {
  const help = helpSections(CommandDescriptor.getHelp(descriptor, CliConfig.defaultConfig))
  const entries = usageEntries(CommandDescriptor.getUsage(descriptor))
  // Positional arguments show as <NAME> in the usage (the command's own name shows bare).
  const args = entries
    .filter((entry) => entry.names.length > 0 && entry.names.every((name) => /^<.+>$/.test(name)))
    .flatMap((entry) => entry.names.map((name) => name.slice(1, -1)))
  const options = entries
    .filter((entry) => entry.names.some((name) => name.startsWith('-')))
    .filter((entry) => !entry.names.some((name) => BUILT_IN_OPTIONS.has(name)))
    .map((entry) =>
      optionInfo(
        entry,
        help.options.find((option) => option.names.some((name) => entry.names.includes(name))),
      ),
    )
  return { path, description: help.description, options, args, subcommands }
}

/** The subcommands of a command, by name; a command without any lists itself. */
const childrenOf = (
  descriptor: CommandDescriptor.Command<unknown>,
  path: ReadonlyArray<string>,
): CommandInfo[] =>
  [...HashMap.entries(CommandDescriptor.getSubcommands(descriptor))]
    .filter(([name]) => name !== path.at(-1))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, child]) => describeDescriptor(child, [...path, name], []))

/**
 * Describes a command and its subcommands from their `@effect/cli` definitions (usage, help
 * document): what `--help` shows and what the argument check knows. `commands` are the
 * descriptors of the subcommands as defined, so that their own subcommands (`sync github`) are
 * described too.
 *
 * @since 0.1.0
 * @category help
 */
export const describeCommand = (
  root: CommandDescriptor.Command<unknown>,
  commands: ReadonlyArray<CommandDescriptor.Command<unknown>>,
): CommandInfo => {
  const subcommands = commands.map((command) => {
    const name = [...CommandDescriptor.getNames(command)][0] ?? ''
    return describeDescriptor(command, [name], childrenOf(command, [name]))
  })
  return describeDescriptor(root, [], subcommands)
}
