import { Schema } from 'effect'

/**
 * A string that is a valid regular expression (checked with the `i` flag), for options that
 * name patterns: a value that does not compile is refused with the compiler's reason.
 *
 * @since 0.1.0
 * @category adapter mapping
 */
export const RegexString = Schema.String.pipe(
  Schema.filter((source) => {
    try {
      new RegExp(source, 'i')
      return true
    } catch (cause) {
      return `not a regular expression: ${(cause as Error).message}`
    }
  }),
)

/**
 * How the steps of a pipeline (Jenkins stages, Argo Workflows templates) named like `pattern`
 * (a regular expression, matched case-insensitively anywhere in the name) map to a value-stream
 * stage. A deploy step names its environment with `environment`, or with a named group
 * `(?<environment>...)` in the pattern (`Deploy to staging`: `staging`).
 *
 * @since 0.1.0
 * @category adapter mapping
 */
export const StagePattern = Schema.Struct({
  pattern: RegexString,
  stage: Schema.String.pipe(Schema.minLength(1)),
  environment: Schema.optional(Schema.String.pipe(Schema.minLength(1))),
})

/**
 * A decoded stage pattern.
 *
 * @since 0.1.0
 * @category adapter mapping
 */
export type StagePattern = typeof StagePattern.Type

/**
 * Where a step goes: the value-stream stage and, for a deploy, its environment.
 *
 * @since 0.1.0
 * @category adapter mapping
 */
export interface StageClass {
  readonly stage: string
  readonly environment?: string
}

/**
 * The class of a step name: the first pattern that matches, else `fallback` (`ci` by default in
 * the adapters).
 *
 * @since 0.1.0
 * @category adapter mapping
 */
export const classifyStage = (
  name: string,
  patterns: ReadonlyArray<StagePattern>,
  fallback: string,
): StageClass => {
  for (const entry of patterns) {
    const match = new RegExp(entry.pattern, 'i').exec(name)
    if (match === null) continue
    const environment = entry.environment ?? match.groups?.environment?.toLowerCase()
    return environment === undefined ? { stage: entry.stage } : { stage: entry.stage, environment }
  }
  return { stage: fallback }
}
