import { resolve } from 'node:path'
import { Command, Options } from '@effect/cli'
import type { CheckpointHost } from '@herbie/core'
import { Console, Effect, Option } from 'effect'
import { ConfigFileInvalid } from '../config/ConfigFileInvalid.js'
import { loadAdapter } from '../config/loadAdapter.js'
import { findConfig, loadConfig } from '../config/loadConfig.js'
import { optionsRefused } from '../config/optionsRefused.js'
import { type EventAppender, eventAppender } from '../output/appendEvents.js'
import { safeText } from '../output/safeText.js'
import { storeAppender } from '../store/storeAppender.js'
import { storeCheckpointHost } from '../store/storeCheckpointHost.js'
import { useStore } from '../store/useStore.js'
import { runSource, unjoinedLine } from '../sync/runSource.js'
import { SourcesFailed } from '../sync/SourcesFailed.js'
import { config, verbose } from './options.js'
import { storeOption } from './storeOption.js'
import { syncArgocdCommand } from './syncArgocd.js'
import { syncArgoWorkflowsCommand } from './syncArgoWorkflows.js'
import { syncGithubCommand } from './syncGithub.js'
import { syncGitlabCommand } from './syncGitlab.js'
import { syncJenkinsCommand } from './syncJenkins.js'
import { syncJiraCommand } from './syncJira.js'

const source = Options.text('source').pipe(
  Options.withPseudoName('NAME'),
  Options.withDescription('Sync only this source of the config; repeat for more (default: all).'),
  Options.repeated,
)
const out = Options.text('out').pipe(
  Options.withPseudoName('FILE.ndjson'),
  Options.withDescription(
    "Append the events to this NDJSON file (and keep checkpoints in files) instead of the config's `out` or the event store.",
  ),
  Options.optional,
)

/**
 * `herbie sync`: runs every source of the config file (or those named with `--source`) in turn,
 * built-in adapters and plugins loaded by package name alike, into the event store (checkpoints
 * there too), or appended to one NDJSON file with `--out` or the config's `out`. A failing source does not stop the others; the command then fails naming it.
 * `herbie sync github`, `herbie sync gitlab`, `herbie sync jenkins`, `herbie sync jira`,
 * `herbie sync argocd` and `herbie sync argo-workflows` sync one source without a config file.
 *
 * @since 0.1.0
 * @category commands
 */
export const syncCommand = Command.make(
  'sync',
  { config, source, out, store: storeOption, verbose },
  (options) =>
    Effect.gen(function* () {
      const file = yield* findConfig(Option.getOrUndefined(options.config), process.cwd())
      const { config: loaded, dir } = yield* loadConfig(file)
      const known = Object.keys(loaded.sources)
      const names = options.source.length > 0 ? options.source : known
      for (const name of names) {
        if (!known.includes(name)) {
          return yield* new ConfigFileInvalid({
            file,
            field: 'sources',
            reason: `no source named ${name} (the sources are ${known.join(', ')})`,
          })
        }
      }
      // Load every adapter before syncing anything, so a typo fails fast.
      const sources = yield* Effect.forEach(names, (name) => {
        const entry = loaded.sources[name]!
        return loadAdapter(entry.adapter, dir, file, `sources.${name}.adapter`).pipe(
          Effect.map((adapter) => ({
            name,
            source: { loaded: adapter, options: entry.options, stages: entry.stages },
          })),
        )
      })
      const outFile = Option.orElse(options.out, () =>
        Option.map(Option.fromNullable(loaded.out), (out) => resolve(dir, out)),
      )
      const syncAll = (appender: EventAppender, checkpoints: string | CheckpointHost, target: string) =>
        Effect.gen(function* () {
          for (const { name, source } of sources) {
            const result = yield* Effect.either(
              runSource(source, appender, checkpoints, `[${name}] `).pipe(
                Effect.mapError((error) => optionsRefused(error, file, name)),
              ),
            )
            if (result._tag === 'Left') {
              failures.push({ source: name, error: result.left })
              yield* Console.error(
                `[${name}] failed: ${safeText(result.left instanceof Error ? result.left.message : String(result.left))}`,
              )
            } else {
              yield* Console.error(
                `[${name}] synced with ${source.loaded.adapter.name}: ${result.right.pages} pages, ${result.right.events} events`,
              )
              const unjoined = unjoinedLine(source, result.right)
              if (unjoined !== undefined) yield* Console.error(`[${name}] ${unjoined}`)
            }
          }
          yield* Console.error(
            `synced ${sources.length - failures.length} of ${sources.length} sources: ${appender.counts.written} events written to ${target}, ${appender.counts.alreadyThere} already there`,
          )
        })
      const failures: Array<{ source: string; error: unknown }> = []
      if (Option.isSome(outFile)) {
        yield* syncAll(yield* eventAppender(outFile.value), resolve(dir, loaded.checkpoints), outFile.value)
      } else {
        yield* useStore(
          { store: options.store, config: Option.some(file) },
          (store) => syncAll(storeAppender(store), storeCheckpointHost(store), store.location),
          { create: true },
        )
      }
      if (failures.length > 0) return yield* new SourcesFailed({ failures, total: sources.length })
    }),
).pipe(
  Command.withDescription(
    'Fetch stage events from the sources of herbie.config.json (built-in adapters and plugins), or from one source with a subcommand.',
  ),
  Command.withSubcommands([
    syncGithubCommand,
    syncGitlabCommand,
    syncJenkinsCommand,
    syncJiraCommand,
    syncArgocdCommand,
    syncArgoWorkflowsCommand,
  ]),
)
