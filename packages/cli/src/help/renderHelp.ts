import type { CommandInfo, OptionInfo } from './CommandInfo.js'
import type { Example } from './examples.js'

/**
 * How help is laid out: colour (bold headings) or none, and the width lines wrap at.
 *
 * @since 0.1.0
 * @category help
 */
export interface HelpStyle {
  readonly color: boolean
  readonly width?: number
}

const wrap = (text: string, width: number): string[] => {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter((part) => part !== '')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line)
      line = word
    } else line = line === '' ? word : `${line} ${word}`
  }
  if (line !== '') lines.push(line)
  return lines
}

/** Two columns: the terms, padded to one width, and their text wrapped beside them. */
const columns = (rows: ReadonlyArray<readonly [string, string]>, width: number, maxTerm = 24): string[] => {
  // A term longer than `maxTerm` gets a line of its own rather than widening every row.
  const termWidth = Math.max(0, ...rows.map(([term]) => term.length).filter((length) => length <= maxTerm))
  const textWidth = Math.max(20, width - 2 - termWidth - 3)
  return rows.flatMap(([term, text]) => {
    const [first = '', ...rest] = wrap(text, textWidth)
    const indent = ' '.repeat(2 + termWidth + 3)
    const head =
      term.length > termWidth
        ? [`  ${term}`, `${indent}${first}`]
        : [`  ${term.padEnd(termWidth)}   ${first}`.trimEnd()]
    return [...head, ...rest.map((line) => `${indent}${line}`)]
  })
}

const optionTerm = (option: OptionInfo): string =>
  [...option.aliases, option.name].join(', ') + (option.placeholder === '' ? '' : ` ${option.placeholder}`)

const usageToken = (option: OptionInfo): string => {
  const term = option.placeholder === '' ? option.name : `${option.name} ${option.placeholder}`
  if (option.required) return option.repeated ? `${term}...` : term
  return option.repeated ? `[${term}]...` : `[${term}]`
}

const usageLines = (head: string, tokens: ReadonlyArray<string>, width: number): string[] => {
  const indent = ' '.repeat(2 + head.length + 1)
  const lines: string[] = []
  let line = `  ${head}`
  for (const token of tokens) {
    if (line.length + 1 + token.length > width && line.trim() !== head) {
      lines.push(line)
      line = `${indent}${token}`
    } else line = `${line} ${token}`
  }
  lines.push(line)
  return lines
}

/** Every command under `command`, depth first (`sync`, then `sync github`). */
const allSubcommands = (command: CommandInfo): CommandInfo[] =>
  command.subcommands.flatMap((child) => [child, ...allSubcommands(child)])

const HELP_OPTION = ['-h, --help', 'Show this help.'] as const

/**
 * The `--help` text of a command: what it does, its usage line (`herbie analyze --events
 * FILE.ndjson [--from ISO]...`: required options bare, optional ones in brackets, repeatable ones
 * with `...`), its options with their placeholders and defaults, its subcommands and examples.
 * `herbie` itself lists every command instead of options.
 *
 * @since 0.1.0
 * @category help
 */
export const renderHelp = (
  command: CommandInfo,
  examples: ReadonlyArray<Example>,
  style: HelpStyle,
): string => {
  const width = style.width ?? 80
  const heading = (title: string) => (style.color ? `\u001b[1m${title}:\u001b[0m` : `${title}:`)
  const name = ['herbie', ...command.path].join(' ')
  const isRoot = command.path.length === 0
  const sections: string[][] = [wrap(command.description, width)]
  const usage = isRoot
    ? ['  herbie COMMAND [OPTIONS]']
    : [
        ...usageLines(name, [...command.args, ...command.options.map(usageToken)], width),
        ...(command.subcommands.length > 0 ? [`  ${name} COMMAND [OPTIONS]`] : []),
      ]
  sections.push([heading('Usage'), ...usage])
  const commands = isRoot ? allSubcommands(command) : command.subcommands
  const commandRows = commands.map(
    (child) => [isRoot ? child.path.join(' ') : (child.path.at(-1) ?? ''), child.description] as const,
  )
  if (isRoot) sections.push([heading('Commands'), ...columns(commandRows, width)])
  const optionRows = isRoot
    ? [
        HELP_OPTION,
        ['--version', 'Print the version.'] as const,
        ['--completions SHELL', 'Print a completion script for sh, bash, fish or zsh.'] as const,
      ]
    : [
        ...command.options.map(
          (option) =>
            [
              optionTerm(option),
              option.defaultValue === undefined
                ? option.description
                : `${option.description} (default ${option.defaultValue})`,
            ] as const,
        ),
        HELP_OPTION,
      ]
  sections.push([heading('Options'), ...columns(optionRows, width)])
  if (!isRoot && commandRows.length > 0) sections.push([heading('Commands'), ...columns(commandRows, width)])
  if (examples.length > 0)
    sections.push([
      heading('Examples'),
      ...examples.flatMap((example, i) => [
        ...(i > 0 ? [''] : []),
        `  # ${example.about}`,
        `  ${example.command}`,
      ]),
    ])
  const more = isRoot
    ? 'Run "herbie COMMAND --help" for the options of a command.'
    : commandRows.length > 0
      ? `Run "${name} COMMAND --help" for the options of a command.`
      : undefined
  if (more !== undefined) sections.push([more])
  return sections.map((lines) => lines.join('\n')).join('\n\n')
}
