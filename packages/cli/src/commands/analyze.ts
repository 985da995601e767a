import { Command, Options } from '@effect/cli'
import { Console, Effect } from 'effect'
import { renderReport } from '../render/report.js'
import { json, verbose } from './options.js'
import { runAnalysis } from './runAnalysis.js'

const events = Options.text('events').pipe(
  Options.withPseudoName('FILE.ndjson'),
  Options.withDescription('NDJSON file of stage events (may be .gz); read as a stream.'),
)
const stream = Options.text('stream').pipe(
  Options.withPseudoName('STREAM.json'),
  Options.withDescription('Value stream JSON (stages, commitment, done); the default stream when absent.'),
  Options.optional,
)
const from = Options.text('from').pipe(
  Options.withPseudoName('ISO'),

  Options.withDescription('Window start, ISO-8601 (default: first event).'),
  Options.optional,
)
const to = Options.text('to').pipe(
  Options.withPseudoName('ISO'),

  Options.withDescription('Window end, ISO-8601 (default: last event).'),
  Options.optional,
)
const skipInvalid = Options.boolean('skip-invalid').pipe(
  Options.withDescription('Analyse the valid lines and report how many were skipped, instead of failing.'),
)

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
