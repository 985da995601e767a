import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describeParseError } from '@herbie/core'
import { Effect, Schema } from 'effect'
import { ConfigFileInvalid } from './ConfigFileInvalid.js'
import { checkSourceOptions } from './checkSourceOptions.js'
import { HerbieConfig } from './HerbieConfig.js'

/**
 * The names `herbie` looks for in the current folder, in this order.
 *
 * @since 0.1.0
 * @category config
 */
export const CONFIG_NAMES = ['herbie.config.json', 'herbie.config.mjs', 'herbie.config.js'] as const

/**
 * A config file read and checked, with environment references filled in.
 *
 * @since 0.1.0
 * @category config
 */
export interface LoadedConfig {
  readonly file: string
  /** The folder relative paths (and plugin packages) are resolved from. */
  readonly dir: string
  readonly config: HerbieConfig
}

/**
 * The first of {@link CONFIG_NAMES} in `cwd`, or undefined when there is none.
 *
 * @since 0.1.0
 * @category config
 */
export const configHere = (cwd: string): string | undefined =>
  CONFIG_NAMES.map((name) => resolve(cwd, name)).find((file) => existsSync(file))

/**
 * The config file to use: the one given, or the first of {@link CONFIG_NAMES} in `cwd`.
 *
 * @since 0.1.0
 * @category config
 */
export const findConfig = (
  given: string | undefined,
  cwd: string,
): Effect.Effect<string, ConfigFileInvalid> => {
  if (given !== undefined) {
    const file = resolve(cwd, given)
    return existsSync(file)
      ? Effect.succeed(file)
      : Effect.fail(new ConfigFileInvalid({ file, reason: 'no such file' }))
  }
  const found = configHere(cwd)
  return found === undefined
    ? Effect.fail(
        new ConfigFileInvalid({
          file: cwd,
          reason: `no ${CONFIG_NAMES.join(', ')} here; write one (see docs/config.md) or pass --config FILE`,
        }),
      )
    : Effect.succeed(found)
}

/** Line and column (1-based) of a character offset. */
const lineAndColumn = (text: string, offset: number) => {
  const before = text.slice(0, offset).split('\n')
  return `line ${before.length}, column ${before.at(-1)!.length + 1}`
}

const readJson = (file: string) =>
  Effect.tryPromise({
    try: () => readFile(file, 'utf8'),
    catch: (cause) => new ConfigFileInvalid({ file, reason: `cannot read it: ${(cause as Error).message}` }),
  }).pipe(
    Effect.flatMap((text) =>
      Effect.try({
        try: () => JSON.parse(text) as unknown,
        catch: (cause) => {
          const message = (cause as Error).message
          const position = /position (\d+)/.exec(message)
          return new ConfigFileInvalid({
            file,
            reason: `not valid JSON${position === null ? '' : ` at ${lineAndColumn(text, Number(position[1]))}`}: ${message}`,
          })
        },
      }),
    ),
  )

const importModule = (file: string) =>
  Effect.tryPromise({
    try: async () => ((await import(pathToFileURL(file).href)) as { default?: unknown }).default,
    catch: (cause) => new ConfigFileInvalid({ file, reason: `cannot load it: ${(cause as Error).message}` }),
  }).pipe(
    Effect.filterOrFail(
      (value) => value !== undefined,
      () =>
        new ConfigFileInvalid({
          file,
          reason: 'the module has no default export (export default { sources: ... })',
        }),
    ),
  )

/**
 * Replaces each `{ "env": "NAME" }` in source options by the value of that environment variable,
 * so that a JSON config never holds a secret; an unset variable names the field.
 */
const fillEnv = (
  value: unknown,
  field: string,
  file: string,
  env: NodeJS.ProcessEnv,
): Effect.Effect<unknown, ConfigFileInvalid> => {
  if (Array.isArray(value))
    return Effect.forEach(value, (entry, index) => fillEnv(entry, `${field}[${index}]`, file, env))
  if (typeof value !== 'object' || value === null) return Effect.succeed(value)
  const keys = Object.keys(value)
  const name = (value as { env?: unknown }).env
  if (keys.length === 1 && typeof name === 'string') {
    const found = env[name]
    return found === undefined || found === ''
      ? Effect.fail(new ConfigFileInvalid({ file, field, reason: `environment variable ${name} is not set` }))
      : Effect.succeed(found)
  }
  return Effect.forEach(Object.entries(value), ([key, entry]) =>
    fillEnv(entry, `${field}.${key}`, file, env).pipe(Effect.map((filled) => [key, filled] as const)),
  ).pipe(Effect.map(Object.fromEntries))
}

/**
 * Reads a config file (JSON, or an ES module whose default export is the config) and checks it
 * against {@link HerbieConfig}, leaving `{ "env": "NAME" }` references as they are. Every
 * failure is one line naming the file and the key (an unknown key included), or the line and
 * column of a JSON syntax error.
 *
 * @since 0.1.0
 * @category config
 */
export const readConfig = (file: string): Effect.Effect<HerbieConfig, ConfigFileInvalid> =>
  (file.endsWith('.json') ? readJson(file) : importModule(file)).pipe(
    Effect.flatMap((raw) =>
      Schema.decodeUnknown(HerbieConfig, { errors: 'all', onExcessProperty: 'error' })(raw).pipe(
        Effect.mapError((error) => {
          const { field, reason } = describeParseError(error)
          return new ConfigFileInvalid({ file, field, reason })
        }),
      ),
    ),
  )

/**
 * {@link readConfig}, then fills in the `{ "env": "NAME" }` references of source options and
 * checks the options the command line understands.
 *
 * @since 0.1.0
 * @category config
 */
export const loadConfig = (
  file: string,
  env: NodeJS.ProcessEnv = process.env,
): Effect.Effect<LoadedConfig, ConfigFileInvalid> =>
  Effect.gen(function* () {
    const config = yield* readConfig(file)
    const sources = yield* Effect.forEach(Object.entries(config.sources), ([name, source]) =>
      fillEnv(source.options, `sources.${name}.options`, file, env).pipe(
        Effect.flatMap((options) =>
          checkSourceOptions(file, `sources.${name}.options`, options as Record<string, unknown>),
        ),
        Effect.map((options) => [name, { ...source, options }] as const),
      ),
    )
    return { file, dir: dirname(file), config: { ...config, sources: Object.fromEntries(sources) } }
  })
