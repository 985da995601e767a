import { Schema } from 'effect'

const Share = Schema.Number.pipe(Schema.between(0, 1))

/**
 * How the upstream signals are read and when they name a problem:
 * - `failureDemand`: the item attribute and its values that mark a defect (`kind: defect`, as
 *   the Jira adapter writes it; a label attribute of your own works the same way);
 * - `clarityStages`: the stages where an item waits for clarity (refinement, Blocked, Waiting
 *   for info), by name; those the stream lacks are ignored;
 * - `thresholds`: a signal at or above its threshold names an upstream problem, once at least
 *   `minCompleted` items were done in the window.
 *
 * @since 0.1.0
 * @category upstream
 */
export const UpstreamOptions = Schema.Struct({
  failureDemand: Schema.optionalWith(
    Schema.Struct({
      attribute: Schema.String.pipe(Schema.minLength(1)),
      values: Schema.NonEmptyArray(Schema.String),
    }),
    { default: () => ({ attribute: 'kind', values: ['defect'] as const }) },
  ),
  clarityStages: Schema.optionalWith(Schema.Array(Schema.String), {
    default: () => ['refine', 'blocked', 'waiting-for-info'],
  }),
  thresholds: Schema.optionalWith(
    Schema.Struct({
      failureDemand: Schema.optionalWith(Share, { default: () => 0.2 }),
      reworkPerItem: Schema.optionalWith(Schema.Number.pipe(Schema.nonNegative()), { default: () => 0.5 }),
      abandonment: Schema.optionalWith(Share, { default: () => 0.15 }),
      clarityShare: Schema.optionalWith(Share, { default: () => 0.25 }),
      minCompleted: Schema.optionalWith(Schema.Number.pipe(Schema.int(), Schema.nonNegative()), {
        default: () => 10,
      }),
    }),
    {
      default: () => ({
        failureDemand: 0.2,
        reworkPerItem: 0.5,
        abandonment: 0.15,
        clarityShare: 0.25,
        minCompleted: 10,
      }),
    },
  ),
})

/**
 * Decoded upstream options.
 *
 * @since 0.1.0
 * @category upstream
 */
export type UpstreamOptions = typeof UpstreamOptions.Type

/**
 * The defaults: defects are `kind: defect`; clarity stages `refine`, `blocked`,
 * `waiting-for-info`; thresholds 20% failure demand, 0.5 rework rounds per item, 15%
 * abandonment, 25% of the time waiting for clarity, from 10 items done.
 *
 * @since 0.1.0
 * @category upstream
 */
export const defaultUpstream: UpstreamOptions = Schema.decodeSync(UpstreamOptions)({})
