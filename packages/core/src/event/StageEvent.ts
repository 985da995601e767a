import { Schema } from 'effect'
import { IsoTimestamp } from './timestamp.js'

const required = (what: string) => ({ missingMessage: () => `missing ${what}` })

const NonEmpty = (field: string, description: string) =>
  Schema.String.pipe(
    Schema.minLength(1, { message: () => `${field} must be a non-empty string` }),
  ).annotations({
    message: () => `${field} must be a non-empty string`,
    title: field,
    description,
  })

/**
 * Whether an item entered or left a stage.
 *
 * @since 0.1.0
 * @category events
 */
export const StageEventType = Schema.Literal('enter', 'exit').annotations({
  message: (issue) => `unknown type ${JSON.stringify(issue.actual)}: expected "enter" or "exit"`,
})

/**
 * How a CI or deploy stage ended, carried on its exit event.
 *
 * @since 0.1.0
 * @category events
 */
export const Outcome = Schema.Literal('success', 'failure', 'cancelled').annotations({
  message: (issue) =>
    `unknown outcome ${JSON.stringify(issue.actual)}: expected "success", "failure" or "cancelled"`,
})

/**
 * What a correlation link points at.
 *
 * @since 0.1.0
 * @category events
 */
export const LinkKind = Schema.Literal(
  'issue',
  'commit',
  'pr',
  'pipeline',
  'deployment',
  'environment',
).annotations({
  message: (issue) =>
    `unknown link kind ${JSON.stringify(issue.actual)}: expected issue, commit, pr, pipeline, deployment or environment`,
})

/**
 * A correlation hint: this event concerns that issue, commit, pull request, pipeline, deployment
 * or environment.
 *
 * @since 0.1.0
 * @category events
 */
export const Link = Schema.Struct({
  kind: Schema.propertySignature(LinkKind).annotations(required('link kind')),
  id: Schema.propertySignature(
    NonEmpty('link id', 'what the link points at: an issue key, a commit SHA, a PR number...'),
  ).annotations(required('link id')),
})

/**
 * A free-form attribute value: string, number or boolean.
 *
 * @since 0.1.0
 * @category events
 */
export const AttributeValue = Schema.Union(Schema.String, Schema.Number, Schema.Boolean).annotations({
  message: () => 'attribute values must be strings, numbers or booleans',
})

/**
 * The stage event: the one contract every adapter emits. One JSON object per event, NDJSON on
 * disk and on the wire; `at` is normalised to UTC when decoded.
 *
 * @since 0.1.0
 * @category events
 */
export const StageEvent = Schema.Struct({
  id: Schema.propertySignature(
    NonEmpty('id', 'deterministic and unique: the same source fact always yields the same id'),
  ).annotations(required('id')),
  itemId: Schema.propertySignature(
    NonEmpty('itemId', 'the work item, e.g. jira:PROJ-123 or github:acme/api#42'),
  ).annotations(required('itemId')),
  stage: Schema.propertySignature(NonEmpty('stage', 'a stage name of the value stream')).annotations(
    required('stage'),
  ),
  type: Schema.propertySignature(StageEventType).annotations(required('type')),
  at: Schema.propertySignature(IsoTimestamp).annotations(required('at')),
  source: Schema.propertySignature(
    NonEmpty('source', 'the system that observed it: github, jira, ...'),
  ).annotations(required('source')),
  outcome: Schema.optional(Outcome),
  links: Schema.optional(
    Schema.Array(Link).annotations({ message: () => 'links must be an array of { kind, id }' }),
  ),
  attributes: Schema.optional(
    Schema.Record({ key: Schema.String, value: AttributeValue }).annotations({
      message: () => 'attributes must be an object of string, number or boolean values',
    }),
  ),
}).annotations({
  identifier: 'StageEvent',
  title: 'Herbie stage event',
  description: 'A work item entered or left a stage of the value stream.',
})

/**
 * A decoded stage event (`at` in UTC).
 *
 * @since 0.1.0
 * @category events
 */
export type StageEvent = typeof StageEvent.Type

/**
 * A stage event as written in NDJSON, before decoding.
 *
 * @since 0.1.0
 * @category events
 */
export type StageEventEncoded = typeof StageEvent.Encoded

/**
 * The kinds of link an event may carry.
 *
 * @since 0.1.0
 * @category events
 */
export type LinkKind = typeof LinkKind.Type

/**
 * How a stage ended.
 *
 * @since 0.1.0
 * @category events
 */
export type Outcome = typeof Outcome.Type
