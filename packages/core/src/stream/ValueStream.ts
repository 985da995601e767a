import { Schema } from 'effect'

/**
 * Whether time in a stage is work (someone or something acts on the item) or waiting.
 *
 * @since 0.1.0
 * @category value stream
 */
export const Activity = Schema.Literal('work', 'wait')

/**
 * Work or wait.
 *
 * @since 0.1.0
 * @category value stream
 */
export type Activity = typeof Activity.Type

/**
 * One stage of a value stream. `capacity` is how many items the stage can work on at once, when
 * known (two reviewers: 2); without it Herbie estimates it from the data.
 *
 * @since 0.1.0
 * @category value stream
 */
export const StageDefinition = Schema.Struct({
  name: Schema.String.pipe(Schema.minLength(1)),
  activity: Activity,
  capacity: Schema.optional(Schema.Number.pipe(Schema.int(), Schema.positive())),
})

/**
 * A stage of a value stream.
 *
 * @since 0.1.0
 * @category value stream
 */
export type StageDefinition = typeof StageDefinition.Type

/**
 * A value stream: its stages in flow order, the commitment point (the stage where cycle time
 * starts) and the done stage (where lead time ends: its exit when it has one, else its enter).
 *
 * @since 0.1.0
 * @category value stream
 */
export const ValueStream = Schema.Struct({
  name: Schema.optional(Schema.String),
  stages: Schema.NonEmptyArray(StageDefinition),
  commitment: Schema.String,
  done: Schema.String,
})
  .pipe(
    Schema.filter((stream) => {
      const names = stream.stages.map((stage) => stage.name)
      const repeated = names.filter((name, index) => names.indexOf(name) !== index)
      if (repeated.length > 0)
        return { path: ['stages'], message: `stage names repeat: ${[...new Set(repeated)].join(', ')}` }
      if (!names.includes(stream.commitment)) {
        return {
          path: ['commitment'],
          message: `commitment stage "${stream.commitment}" is not one of the stages`,
        }
      }
      if (!names.includes(stream.done))
        return { path: ['done'], message: `done stage "${stream.done}" is not one of the stages` }
      if (names.indexOf(stream.done) < names.indexOf(stream.commitment)) {
        return { path: ['done'], message: `done stage "${stream.done}" comes before the commitment stage` }
      }
      return true
    }),
  )
  .annotations({ identifier: 'ValueStream', title: 'Herbie value stream' })

/**
 * A decoded value stream.
 *
 * @since 0.1.0
 * @category value stream
 */
export type ValueStream = typeof ValueStream.Type

/**
 * The stream that ships with Herbie: backlog → develop → review-queue → review → ci →
 * deploy-queue → deploy → done, committed at develop.
 *
 * @since 0.1.0
 * @category value stream
 */
export const defaultValueStream: ValueStream = {
  name: 'default',
  stages: [
    { name: 'backlog', activity: 'wait' },
    { name: 'develop', activity: 'work' },
    { name: 'review-queue', activity: 'wait' },
    { name: 'review', activity: 'work' },
    { name: 'ci', activity: 'work' },
    { name: 'deploy-queue', activity: 'wait' },
    { name: 'deploy', activity: 'work' },
    { name: 'done', activity: 'wait' },
  ],
  commitment: 'develop',
  done: 'done',
}
