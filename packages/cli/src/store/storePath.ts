import { dirname, resolve } from 'node:path'
import { Effect, Option } from 'effect'
import type { ConfigFileInvalid } from '../config/ConfigFileInvalid.js'
import { configHere, findConfig, readConfig } from '../config/loadConfig.js'

/**
 * Where the event store of a command is: `--store` (relative to `cwd`), else the config file's
 * `store` (relative to the file), else `.herbie/events.sqlite` next to the config file or in
 * `cwd`.
 *
 * @since 0.1.0
 * @category store
 */
export interface StoreInput {
  readonly store: Option.Option<string>
  readonly config: Option.Option<string>
}

/**
 * The embedded store's file when nothing names another: under `.herbie/`.
 *
 * @since 0.1.0
 * @category store
 */
export const DEFAULT_STORE = '.herbie/events.sqlite'

/**
 * Resolves the store file of a command (see {@link StoreInput}); a config file named with
 * `--config` that does not decode fails naming it.
 *
 * @since 0.1.0
 * @category store
 */
export const storePath = (
  input: StoreInput,
  cwd: string = process.cwd(),
): Effect.Effect<string, ConfigFileInvalid> =>
  Effect.gen(function* () {
    if (Option.isSome(input.store)) return resolve(cwd, input.store.value)
    const file = Option.isSome(input.config) ? yield* findConfig(input.config.value, cwd) : configHere(cwd)
    if (file === undefined) return resolve(cwd, DEFAULT_STORE)
    const config = yield* readConfig(file)
    return resolve(dirname(file), config.store ?? DEFAULT_STORE)
  })
