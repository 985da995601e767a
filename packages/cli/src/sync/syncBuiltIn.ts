import { Console, Effect } from 'effect'
import { loadAdapter } from '../config/loadAdapter.js'
import { eventAppender } from '../output/appendEvents.js'
import { runSource, unjoinedLine } from './runSource.js'

/**
 * Runs one built-in adapter (`github`, `gitlab`) from command-line options into an NDJSON file,
 * then says on stderr what it did (`synced LABEL: N pages, N events, N written to FILE, N already
 * there`) and what it could not join.
 *
 * @since 0.1.0
 * @category sync
 */
export const syncBuiltIn = (
  name: string,
  options: Readonly<Record<string, unknown>>,
  target: { readonly out: string; readonly checkpoints: string; readonly label: string },
): Effect.Effect<void, unknown> =>
  Effect.gen(function* () {
    const loaded = yield* loadAdapter(name, '.', `herbie sync ${name}`, 'adapter')
    const appender = yield* eventAppender(target.out)
    const source = { loaded, options, stages: {} }
    const summary = yield* runSource(source, appender, target.checkpoints)
    yield* Console.error(
      `synced ${target.label}: ${summary.pages} pages, ${summary.events} events, ${appender.counts.written} written to ${target.out}, ${appender.counts.alreadyThere} already there`,
    )
    const unjoined = unjoinedLine(source, summary)
    if (unjoined !== undefined) yield* Console.error(unjoined)
  })
