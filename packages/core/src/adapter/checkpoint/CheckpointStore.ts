import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Context, Data, Effect, Layer, Option } from 'effect'

/**
 * A checkpoint could not be read or written.
 *
 * @since 0.1.0
 * @category adapter checkpoints
 */
export class CheckpointFailed extends Data.TaggedError('CheckpointFailed')<{
  readonly key: string
  readonly reason: string
}> {
  override get message(): string {
    return `checkpoint ${this.key}: ${this.reason}`
  }
}

/**
 * Where syncs remember how far they got: one JSON value per key (an adapter and its scope, e.g.
 * `github/acme/payments`).
 *
 * @since 0.1.0
 * @category adapter checkpoints
 */
export class CheckpointStore extends Context.Tag('@herbie/core/CheckpointStore')<
  CheckpointStore,
  {
    readonly get: (key: string) => Effect.Effect<Option.Option<unknown>, CheckpointFailed>
    readonly set: (key: string, value: unknown) => Effect.Effect<void, CheckpointFailed>
  }
>() {}

const fileName = (key: string): string => `${key.replace(/[^A-Za-z0-9._-]+/g, '_')}.json`

/**
 * Checkpoints as JSON files in a folder (`.herbie/checkpoints` by default), each written to a
 * temporary file and renamed, so an interrupted write never leaves half a checkpoint.
 *
 * @since 0.1.0
 * @category adapter checkpoints
 */
export const fileCheckpointStore = (dir = '.herbie/checkpoints'): Layer.Layer<CheckpointStore> =>
  Layer.succeed(CheckpointStore, {
    get: (key) =>
      Effect.tryPromise({
        try: async () => {
          try {
            return Option.some(JSON.parse(await readFile(join(dir, fileName(key)), 'utf8')) as unknown)
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code === 'ENOENT') return Option.none()
            throw error
          }
        },
        catch: (cause) => new CheckpointFailed({ key, reason: (cause as Error).message }),
      }),
    set: (key, value) =>
      Effect.tryPromise({
        try: async () => {
          await mkdir(dir, { recursive: true })
          const path = join(dir, fileName(key))
          const temporary = `${path}.${process.pid}.tmp`
          await writeFile(temporary, `${JSON.stringify(value, null, 2)}\n`)
          await rename(temporary, path)
        },
        catch: (cause) => new CheckpointFailed({ key, reason: (cause as Error).message }),
      }),
  })

/**
 * Checkpoints in memory, for tests and one-off runs. The values live as long as the layer value:
 * every program provided with the same layer sees the same checkpoints.
 *
 * @since 0.1.0
 * @category adapter checkpoints
 */
export const memoryCheckpointStore = (
  initial: Readonly<Record<string, unknown>> = {},
): Layer.Layer<CheckpointStore> => {
  const values = new Map<string, unknown>(Object.entries(initial))
  return Layer.succeed(CheckpointStore, {
    get: (key) => Effect.sync(() => Option.fromNullable(values.get(key))),
    set: (key, value) => Effect.sync(() => void values.set(key, structuredClone(value))),
  })
}

/**
 * Checkpoints kept by the program that runs a sync (the CLI's event store), through plain
 * promises so that an adapter built on another copy of `@herbie/core` can use them: `get`
 * resolves to `undefined` when a key has no checkpoint.
 *
 * @since 0.1.0
 * @category adapter checkpoints
 */
export interface CheckpointHost {
  readonly get: (key: string) => Promise<unknown>
  readonly set: (key: string, value: unknown) => Promise<void>
}

const failed = (key: string) => (cause: unknown) =>
  new CheckpointFailed({ key, reason: cause instanceof Error ? cause.message : String(cause) })

/**
 * The checkpoint store of a {@link CheckpointHost}.
 *
 * @since 0.1.0
 * @category adapter checkpoints
 */
export const hostCheckpointStore = (host: CheckpointHost): Layer.Layer<CheckpointStore> =>
  Layer.succeed(CheckpointStore, {
    get: (key) =>
      Effect.tryPromise({ try: () => host.get(key), catch: failed(key) }).pipe(
        Effect.map(Option.fromNullable),
      ),
    set: (key, value) => Effect.tryPromise({ try: () => host.set(key, value), catch: failed(key) }),
  })
