import { CliConfig, CommandDescriptor } from '@effect/cli'
import { NodeContext } from '@effect/platform-node'
import { Effect } from 'effect'
import { describe, expect, it } from 'vitest'
import { herbieCommand, herbieSubcommands } from '../src/commands/herbie.js'
import { type CommandInfo, describeCommand } from '../src/help/CommandInfo.js'
import { useColor } from '../src/help/color.js'
import { EXAMPLES } from '../src/help/examples.js'
import { readInvocation } from '../src/help/readInvocation.js'
import { renderHelp } from '../src/help/renderHelp.js'
import { herbie } from './support/run.js'

const FILLER = [
  'A user-defined piece of text.',
  'A true or false value.',
  'An integer.',
  'This setting is optional.',
  'This option may be repeated',
  'One of the following',
  'This setting is a property argument',
]

const section = (text: string, title: string) => {
  const lines = text.split('\n')
  const start = lines.indexOf(`${title}:`)
  const end = lines.findIndex((line, i) => i > start && line === '')
  return lines.slice(start + 1, end === -1 ? undefined : end)
}

/** Every command of herbie, in the order help lists them. */
const COMMANDS = [
  'analyze',
  'check',
  'demo',
  'events',
  'export',
  'forecast',
  'import',
  'item',
  'simulate',
  'sync',
  'sync argo-workflows',
  'sync argocd',
  'sync github',
  'sync gitlab',
  'sync jenkins',
  'sync jira',
]

describe('herbie --help', () => {
  const { code, stdout, stderr } = herbie('--help')

  it('lists every command, sync github included, with what it does', () => {
    expect([code, stderr]).toEqual([0, ''])
    expect(stdout.split('\n')[0]).toBe('Find the constraint of your software delivery value stream.')
    expect(section(stdout, 'Usage')).toEqual(['  herbie COMMAND [OPTIONS]'])
    const commands = section(stdout, 'Commands')
      .filter((line) => /^ {2}\S/.test(line))
      .map((line) => line.trim().split(/ {2,}/)[0])
    expect(commands).toEqual(COMMANDS)
    expect(section(stdout, 'Commands')[0]).toBe(
      '  analyze               Flow metrics, DORA keys and the constraint of a file of',
    )
    expect(section(stdout, 'Options')).toEqual([
      '  -h, --help            Show this help.',
      '  --version             Print the version.',
      '  --completions SHELL   Print a completion script for sh, bash, fish or zsh.',
    ])
    expect(section(stdout, 'Examples')).toContain('  herbie demo')
    expect(stdout.trimEnd().split('\n').at(-1)).toBe(
      'Run "herbie COMMAND --help" for the options of a command.',
    )
  })

  it('has no filler and no colour when stdout is not a terminal', () => {
    for (const filler of FILLER) expect(stdout).not.toContain(filler)
    expect(stdout).not.toContain('\u001b')
  })

  it('is what herbie alone prints', () => {
    expect(herbie().stdout).toBe(stdout)
  })
})

describe('herbie analyze --help', () => {
  const { code, stdout } = herbie('analyze', '--help')

  it('names herbie in the usage line, the required option bare and the optional ones in brackets', () => {
    expect(code).toBe(0)
    expect(section(stdout, 'Usage')).toEqual([
      '  herbie analyze [--events FILE.ndjson] [--store PATH] [--stream STREAM.json]',
      '                 [--from ISO] [--to ISO] [--json] [--skip-invalid] [--item ID]',
      '                 [--config FILE] [--correlate RULES] [--verbose]',
    ])
  })

  it('describes each option beside its placeholder, without filler', () => {
    expect(section(stdout, 'Options')).toEqual([
      '  --events FILE.ndjson   NDJSON file of stage events (may be .gz), read as a',
      '                         stream (default: the event store).',
      "  --store PATH           The event store file (default: the config file's",
      '                         `store`, else .herbie/events.sqlite here).',
      '  --stream STREAM.json   Value stream JSON (stages, commitment, done); the',
      '                         default stream when absent.',
      '  --from ISO             Window start, ISO-8601 (default: first event).',
      '  --to ISO               Window end, ISO-8601 (default: last event).',
      '  --json                 Print one JSON object (durations in seconds).',
      '  --skip-invalid         Analyse the valid lines and report how many were',
      '                         skipped, instead of failing.',
      "  --item ID              Show one work item (its id, or any joined member's):",
      '                         the items joined into it, the rule that joined each,',
      '                         and its stays.',
      '  --config FILE          The config file (default: herbie.config.json, .mjs or',
      '                         .js here).',
      '  --correlate RULES      Join items across sources with these rules only',
      '                         (pr,commit,issue-key,deploy-range; or none), instead of',
      "                         the config's.",
      '  --verbose              Show the stack trace of an unexpected error.',
      '  -h, --help             Show this help.',
    ])
    for (const filler of FILLER) expect(stdout).not.toContain(filler)
  })

  it('shows examples', () => {
    expect(section(stdout, 'Examples').slice(0, 2)).toEqual([
      '  # The report in the terminal',
      '  herbie analyze --events events.ndjson',
    ])
  })

  it('is the same wherever --help stands', () => {
    expect(herbie('analyze', '--events', 'x.ndjson', '-h').stdout).toBe(stdout)
  })
})

describe('herbie sync github --help', () => {
  const { code, stdout } = herbie('sync', 'github', '--help')

  it('shows the usage of sync github alone, --repo required and repeatable', () => {
    expect(code).toBe(0)
    expect(section(stdout, 'Usage')).toEqual([
      '  herbie sync github --repo OWNER/NAME... [--base-url URL] [--since ISO]',
      '                     --out FILE.ndjson [--checkpoints DIR]',
      '                     [--done-at auto|production-deploy|merge] [--issues]',
      '                     [--verbose]',
    ])
  })

  it('gives defaults and choices from the definitions', () => {
    const options = section(stdout, 'Options')
    expect(options).toContain(
      '  --checkpoints DIR   Where checkpoints are kept. (default .herbie/checkpoints)',
    )
    // A term too long for the column gets a line of its own.
    expect(options.slice(options.indexOf('  --done-at auto|production-deploy|merge'))).toEqual([
      '  --done-at auto|production-deploy|merge',
      '                      Where items are done: auto writes both candidates and the',
      '                      analysis picks per repository (the first successful',
      '                      production deployment where there are any, else the',
      '                      merge); the others write only one. (default auto)',
      expect.stringMatching(/^ {2}--issues /),
      expect.stringMatching(/^ {22}request/),
      expect.stringMatching(/^ {22}carry/),
      '  --verbose           Show the stack trace of an unexpected error.',
      '  -h, --help          Show this help.',
    ])
  })

  it('shows examples, the token one first', () => {
    expect(section(stdout, 'Examples').slice(0, 2)).toEqual([
      '  # A repository, with a token (anonymous requests are limited to 60 an hour)',
      '  GITHUB_TOKEN=$(gh auth token) herbie sync github --repo OWNER/NAME --out events.ndjson',
    ])
  })
})

describe('help of the other commands', () => {
  it('shows a repeatable option that may be left out as optional', () => {
    const usage = section(herbie('simulate', '--help').stdout, 'Usage').join(' ')
    expect(usage).toContain(' [--scenario CHANGES]... ')
    expect(section(herbie('sync', '--help').stdout, 'Usage').slice(0, 2)).toEqual([
      '  herbie sync [--config FILE] [--source NAME]... [--out FILE.ndjson]',
      '              [--store PATH] [--verbose]',
    ])
  })

  it('states defaults once, from the value the option has', () => {
    const options = section(herbie('simulate', '--help').stdout, 'Options')
    expect(options).toContain('  --replications N       Independent runs per scenario. (default 20)')
  })
})

/** The words of an example as the shell passes them: quotes removed, no variables, no redirection. */
const words = (command: string): string[] => {
  const tokens = [...command.matchAll(/"([^"]*)"|(\S+)/g)].map((match) => match[1] ?? match[2]!)
  const start = tokens.indexOf('herbie')
  const end = tokens.indexOf('>')
  return tokens.slice(start + 1, end === -1 ? undefined : end)
}

describe('examples', () => {
  const root = describeCommand(
    herbieCommand.descriptor,
    herbieSubcommands.map((command) => command.descriptor),
  )
  const all = (command: CommandInfo): CommandInfo[] => [command, ...command.subcommands.flatMap(all)]
  const paths = all(root).map((command) => command.path.join(' '))

  it('every command has at least one, and none is for a command that does not exist', () => {
    expect(paths).toEqual(['', ...COMMANDS])
    for (const path of paths) expect(EXAMPLES[path]?.length ?? 0, path).toBeGreaterThan(0)
    expect(Object.keys(EXAMPLES).sort()).toEqual([...paths].sort())
  })

  const cases = Object.entries(EXAMPLES).flatMap(([path, examples]) =>
    examples.map((example) => [path, example.command] as const),
  )
  it.each(cases)('%s: %s is accepted by the check and by the parser', async (path, command) => {
    const args = words(command)
    const run = Effect.gen(function* () {
      const invocation = yield* readInvocation(root, args)
      const directive = yield* CommandDescriptor.parse(
        herbieCommand.descriptor,
        ['herbie', ...args],
        CliConfig.defaultConfig,
      )
      return [invocation._tag === 'Help' ? 'help' : invocation._tag, directive._tag] as const
    })
    const [invocation, directive] = await Effect.runPromise(run.pipe(Effect.provide(NodeContext.layer)))
    expect([invocation, directive]).toEqual([
      path === '' && args[0] === undefined ? 'help' : 'Run',
      'UserDefined',
    ])
  })
})

describe('colour', () => {
  it('only on a terminal, and never with NO_COLOR', () => {
    expect(useColor({ isTTY: true }, {})).toBe(true)
    expect(useColor({ isTTY: true }, { NO_COLOR: '1' })).toBe(false)
    expect(useColor({ isTTY: true }, { NO_COLOR: '' })).toBe(true)
    expect(useColor({ isTTY: false }, {})).toBe(false)
    expect(useColor({}, {})).toBe(false)
  })

  it('is bold headings, and nothing when off', () => {
    const command: CommandInfo = { path: ['x'], description: 'X.', options: [], args: [], subcommands: [] }
    expect(renderHelp(command, [], { color: true })).toContain('\u001b[1mUsage:\u001b[0m')
    expect(renderHelp(command, [], { color: false })).toBe(
      'X.\n\nUsage:\n  herbie x\n\nOptions:\n  -h, --help   Show this help.',
    )
  })
})
