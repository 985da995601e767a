import { Command, Options } from '@effect/cli'
import { Console, Effect } from 'effect'
import { renderReport } from '../render/report.js'
import { json, verbose } from './options.js'
import { runAnalysis } from './runAnalysis.js'

/** A text option with a placeholder name in the usage line. */
const text = (name: string, placeholder: string, description: string) =>
  Options.text(name).pipe(Options.withPseudoName(placeholder), Options.withDescription(description))

const events = text('events', 'FILE.ndjson', 'NDJSON file of stage events (may be .gz); read as a stream.')
const stream = text(
  'stream',
  'STREAM.json',
  'Value stream JSON (stages, commitment, done); the default stream when absent.',
).pipe(Options.optional)
const from = text('from', 'ISO', 'Window start, ISO-8601 (default: first event).').pipe(Options.optional)
const to = text('to', 'ISO', 'Window end, ISO-8601 (default: last event).').pipe(Options.optional)
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
