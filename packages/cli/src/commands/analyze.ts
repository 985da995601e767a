import { Command } from '@effect/cli'
import { Console, Effect } from 'effect'
import { renderReport } from '../render/report.js'
import { events, from, json, skipInvalid, stream, to, verbose } from './options.js'
import { runAnalysis } from './runAnalysis.js'

/**
 * `herbie analyze`: flow metrics and the constraint of a file of stage events.
 *
 * @since 0.1.0
 * @category commands
 */
export const analyzeCommand = Command.make(
  'analyze',
  { events, stream, from, to, json, skipInvalid, verbose },
  (options) =>
    Effect.gen(function* () {
      const report = yield* runAnalysis(options)
      yield* Console.log(options.json ? JSON.stringify(report, null, 2) : renderReport(report))
    }),
).pipe(Command.withDescription('Flow metrics, DORA keys and the constraint of a file of stage events.'))
