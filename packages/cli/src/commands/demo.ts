import { fileURLToPath } from 'node:url'
import { Command } from '@effect/cli'
import { whatIfNdjson } from '@herbie/core'
import { Console, Effect, Option } from 'effect'
import { openEvents } from '../input/openEvents.js'
import { renderComparison } from '../render/comparison.js'
import { formatInstant } from '../render/instant.js'
import { renderReport } from '../render/report.js'
import { renderPrediction, renderWhatIf } from '../render/whatIf.js'
import { json, verbose } from './options.js'
import { runAnalysis } from './runAnalysis.js'

/**
 * What the bundled demo sample is: when coding sped up, by how much, and where.
 *
 * @since 0.1.0
 * @category commands
 */
export interface DemoManifest {
  readonly events: string
  readonly change: string
  readonly changedStage: string
  readonly factor: number
  readonly story: string
}

const dataFile = (name: string) => fileURLToPath(new URL(`../data/${name}`, import.meta.url))

/**
 * `herbie demo`: analyses the bundled sample in which coding gets 40% faster halfway through and
 * shows why delivery does not follow.
 *
 * @since 0.1.0
 * @category commands
 */
export const demoCommand = Command.make('demo', { json, verbose }, (options) =>
  Effect.gen(function* () {
    const manifest = (yield* Effect.promise(() =>
      import('node:fs/promises').then((fs) => fs.readFile(dataFile('demo.json'), 'utf8')),
    ).pipe(Effect.map((text) => JSON.parse(text) as DemoManifest))) satisfies DemoManifest
    const events = dataFile(manifest.events)
    const base = { events, stream: Option.none(), skipInvalid: false }
    const whole = yield* runAnalysis({ ...base, from: Option.none(), to: Option.none() })
    const before = yield* runAnalysis({ ...base, from: Option.none(), to: Option.some(manifest.change) })
    const after = yield* runAnalysis({ ...base, from: Option.some(manifest.change), to: Option.none() })
    // The constraint now: the last period's of the timeline (review, since coding got faster).
    const constraint = whole.constraintTimeline.at(-1)?.stage ?? whole.constraint.stage ?? 'review'
    // What-if on the first half: would faster coding or one more reviewer have helped?
    const speedup = `speedup ${manifest.changedStage}=${manifest.factor}`
    const reviewer = `capacity ${constraint}=+1`
    const whatIf = yield* whatIfNdjson(yield* openEvents(events), {
      scenarios: [speedup, reviewer],
      replications: 10,
      to: Date.parse(manifest.change),
    })
    if (options.json) {
      yield* Console.log(
        JSON.stringify(
          { story: manifest.story, change: manifest.change, whole, before, after, whatIf },
          null,
          2,
        ),
      )
      return
    }
    yield* Console.log(
      [
        `Herbie demo: ${manifest.story}`,
        '',
        renderReport(whole),
        '',
        `Before and after ${manifest.changedStage} got ${Math.round((manifest.factor - 1) * 100)}% faster (${formatInstant(manifest.change)})`,
        '',
        renderComparison(before, after, manifest.changedStage, constraint),
        '',
        `What if, before the change: ${manifest.changedStage} ${Math.round((manifest.factor - 1) * 100)}% faster ("${speedup}") or one more in ${constraint} ("${reviewer}")? A model fitted to the first half predicts:`,
        '',
        renderWhatIf(whatIf),
        '',
        `The prediction against what happened: the first half's model, "${speedup}" predicted from it, and the second half as observed`,
        '',
        renderPrediction(whatIf, whatIf.scenarios[0]!, before, after, manifest.changedStage, constraint),
      ].join('\n'),
    )
  }),
).pipe(Command.withDescription('Analyse the bundled sample: coding gets 40% faster, delivery does not.'))
