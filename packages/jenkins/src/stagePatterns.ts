import { Schema } from 'effect'

const RegexSource = Schema.String.pipe(
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
 * How Pipeline stages named like `pattern` (a regular expression, matched case-insensitively
 * anywhere in the name) map to a value-stream stage. A deploy stage names its environment with
 * `environment`, or with a named group `(?<environment>...)` in the pattern (`Deploy to staging`:
 * `staging`); an environment named `production` or `prod` makes the stage a production deploy.
 *
 * @since 0.1.0
 * @category config
 */
export const StagePattern = Schema.Struct({
  pattern: RegexSource,
  stage: Schema.String.pipe(Schema.minLength(1)),
  environment: Schema.optional(Schema.String.pipe(Schema.minLength(1))),
})

/**
 * A decoded stage pattern.
 *
 * @since 0.1.0
 * @category config
 */
export type StagePattern = typeof StagePattern.Type

/**
 * The default patterns: a stage that deploys to production (`Deploy to production`,
 * `prod deploy`) is a `deploy` of `production`; `Deploy to staging`, `Release QA` are deploys of
 * the environment they name; any other stage with `deploy` or `release` in its name is a deploy
 * of an unknown environment. Stages no pattern matches are CI work.
 *
 * @since 0.1.0
 * @category config
 */
export const defaultStagePatterns: ReadonlyArray<StagePattern> = [
  { pattern: 'deploy.*prod|prod.*deploy', stage: 'deploy', environment: 'production' },
  {
    pattern: '(?:deploy|release)\\w*\\s+(?:(?:to|in|on|into)\\s+)?(?<environment>[\\w.-]+)',
    stage: 'deploy',
  },
  { pattern: 'deploy|release', stage: 'deploy' },
]

/**
 * Where a Pipeline stage goes: the value-stream stage and, for a deploy, its environment.
 *
 * @since 0.1.0
 * @category mapping
 */
export interface StageClass {
  readonly stage: string
  readonly environment?: string
}

/**
 * The class of a stage name: the first pattern that matches, else `fallback` (the `build` fact's
 * stage, `ci` by default).
 *
 * @since 0.1.0
 * @category mapping
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
