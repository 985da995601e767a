import type { StagePattern } from '@herbie/core'

/**
 * The default patterns: a stage that deploys to production (`Deploy to production`,
 * `prod deploy`) is a `deploy` of `production`; `Deploy to staging`, `Release QA` are deploys of
 * the environment they name; any other stage with `deploy` or `release` in its name is a deploy
 * of an unknown environment. Stages no pattern matches are CI work. An environment named
 * `production` or `prod` makes the stage a production deploy.
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
